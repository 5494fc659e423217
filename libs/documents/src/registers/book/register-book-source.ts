import type { Actor } from '@eoffice/accounts';
import type { ReportColumn, ReportRow } from '@eoffice/reports';
import type { Register, RegisterKind } from '../register.entity';
import type { RegisterBookPeriod } from './register-book-period';

/**
 * Where the lines of a register book come from: one source per register kind. The book service
 * does the rest (who may open the register, the period, the title, JSON/XLSX/PDF), so a new
 * kind of register — outgoing documents — plugs in by providing one of these in
 * REGISTER_BOOK_SOURCES (see DocumentsModule).
 */
export interface RegisterBookSource {
  readonly kind: RegisterKind;
  /** The columns of the paper form (Decree 30 Phụ lục IV), in order. */
  readonly columns: readonly ReportColumn[];
  /**
   * The register's entries numbered in `period.year` (and dated inside [from, to] when given),
   * ordered by number, keyed by the column keys — only the entries `actor` may see, so a
   * confidential (mật) register lists only documents naming the actor.
   */
  rows(actor: Actor, register: Register, period: RegisterBookPeriod): Promise<ReportRow[]>;
}

/** Injection token: the array of every RegisterBookSource. */
export const REGISTER_BOOK_SOURCES = Symbol('REGISTER_BOOK_SOURCES');
