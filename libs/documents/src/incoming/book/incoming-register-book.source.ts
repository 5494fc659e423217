import { Injectable } from '@nestjs/common';
import type { Actor } from '@eoffice/accounts';
import type { ReportRow } from '@eoffice/reports';
import type { RegisterBookPeriod, RegisterBookSource, Register } from '../../registers';
import { IncomingAccess } from '../incoming-access.service';
import { IncomingRepository } from '../incoming.repository';
import { INCOMING_REGISTER_COLUMNS, incomingBookRow } from './incoming-book-row';

/**
 * The lines of an incoming register (sổ đăng ký văn bản đến). Rows go through the same access
 * scope as GET /incoming, so a mật register prints only the documents that name the reader.
 */
@Injectable()
export class IncomingRegisterBookSource implements RegisterBookSource {
  readonly kind = 'incoming' as const;
  readonly columns = INCOMING_REGISTER_COLUMNS;

  constructor(
    private readonly access: IncomingAccess,
    private readonly documents: IncomingRepository,
  ) {}

  async rows(actor: Actor, register: Register, period: RegisterBookPeriod): Promise<ReportRow[]> {
    const records = await this.documents.findForBook(await this.access.scopeFor(actor), register.id, period);
    return records.map(incomingBookRow);
  }
}
