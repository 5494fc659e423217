import { Injectable } from '@nestjs/common';
import { Actor, Role } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import { IncomingAccess, IncomingRepository } from '../incoming';
import type { ListIntakeInput } from './intake-input';
import type { IntakeItem, IntakeItemFile } from './intake-item.entity';
import { IntakeRepository } from './intake.repository';

export interface IntakeItemView {
  item: IntakeItem;
  files: IntakeItemFile[];
  /** The registered document's number, once registered. */
  document: { id: string; incomingNumber: number; year: number } | null;
}

export interface IntakePage {
  items: IntakeItemView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Hàng chờ vào sổ: what the clerk of the agency sees. */
@Injectable()
export class IntakeQueryService {
  constructor(
    private readonly access: IncomingAccess,
    private readonly items: IntakeRepository,
    private readonly documents: IncomingRepository,
  ) {}

  async list(actor: Actor, query: ListIntakeInput): Promise<IntakePage> {
    this.access.requireRole(actor, Role.clerk);
    const agencyId = await this.access.agencyIdOf(actor);
    await this.items.settleScansRegisteredDirectly(agencyId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { items, total } = await this.items.list(agencyId, { state: query.state, page, pageSize });
    const files = await this.items.filesOf(items.map((i) => i.id));
    const views = await Promise.all(items.map((item) => this.view(item, files.filter((f) => f.itemId === item.id))));
    return { items: views, total, page, pageSize };
  }

  async detail(actor: Actor, id: string): Promise<IntakeItemView> {
    this.access.requireRole(actor, Role.clerk);
    const item = await this.items.findInAgency(id, await this.access.agencyIdOf(actor));
    if (!item) throw AppError.notFound('văn bản chờ vào sổ (intake item)');
    return this.view(item, await this.items.filesOf([item.id]));
  }

  async view(item: IntakeItem, files: IntakeItemFile[]): Promise<IntakeItemView> {
    const document = item.incomingDocumentId ? await this.documents.findById(item.incomingDocumentId) : null;
    return { item, files, document: document ? { id: document.id, incomingNumber: document.incomingNumber, year: document.year } : null };
  }
}
