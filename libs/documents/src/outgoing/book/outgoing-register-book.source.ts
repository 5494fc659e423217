import { Injectable } from '@nestjs/common';
import type { Actor } from '@eoffice/accounts';
import type { ReportRow } from '@eoffice/reports';
import { OUTGOING_REGISTER_COLUMNS } from '../../registers';
import type { RegisterBookPeriod, RegisterBookSource, Register } from '../../registers';
import { OutgoingAccess } from '../outgoing-access.service';
import { OutgoingRepository } from '../outgoing.repository';
import { outgoingBookRow } from './outgoing-book-row';

/**
 * The lines of an outgoing register (sổ đăng ký văn bản đi): every issued document of the year in
 * number order, through the same access scope as GET /outgoing.
 */
@Injectable()
export class OutgoingRegisterBookSource implements RegisterBookSource {
  readonly kind = 'outgoing' as const;
  readonly columns = OUTGOING_REGISTER_COLUMNS;

  constructor(
    private readonly access: OutgoingAccess,
    private readonly documents: OutgoingRepository,
  ) {}

  async rows(actor: Actor, register: Register, period: RegisterBookPeriod): Promise<ReportRow[]> {
    const records = await this.documents.findForBook(await this.access.scopeFor(actor), register.id, period);
    return records.map(outgoingBookRow);
  }
}
