import { Injectable } from '@nestjs/common';
import type { Actor } from '@eoffice/accounts';
import type { ReportRow } from '@eoffice/reports';
import { OUTGOING_REGISTER_COLUMNS, VoidedNumberService } from '../../registers';
import type { RegisterBookPeriod, RegisterBookSource, Register } from '../../registers';
import { OutgoingAccess } from '../outgoing-access.service';
import { OutgoingRepository } from '../outgoing.repository';
import { outgoingBookRow, voidedBookRow } from './outgoing-book-row';

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
    private readonly voided: VoidedNumberService,
  ) {}

  async rows(actor: Actor, register: Register, period: RegisterBookPeriod): Promise<ReportRow[]> {
    const records = await this.documents.findForBook(await this.access.scopeFor(actor), register.id, period);
    // Voided numbers (a seal saga that failed) keep their place in number order, with the reason.
    const voided = (await this.voided.listFor(register.id, period.year)).filter((v) => inPeriod(v.voidedAt, period));
    const lines = [
      ...records.map((r) => ({ number: Number.parseInt(r.numberSymbol, 10), row: outgoingBookRow(r) })),
      ...voided.map((v) => ({ number: v.number, row: voidedBookRow(v) })),
    ];
    return lines.sort((a, b) => a.number - b.number).map((l) => l.row);
  }
}

function inPeriod(at: Date, period: RegisterBookPeriod): boolean {
  const day = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return (!period.from || day >= period.from) && (!period.to || day <= period.to);
}
