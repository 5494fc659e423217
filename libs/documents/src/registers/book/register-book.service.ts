import { Inject, Injectable } from '@nestjs/common';
import { Actor, hasRole, OrganisationScope, Role } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import { renderReportFile, ReportFile, ReportFileFormat } from '@eoffice/reports';
import type { TableReport } from '@eoffice/reports';
import { vietnamYear } from '@eoffice/vietnamese';
import type { Register } from '../register.entity';
import { RegisterRepository } from '../register.repository';
import { registerBookFileName, registerBookSubtitle, registerBookTitle } from './register-book-heading';
import { RegisterBookPeriod, registerBookPeriod, RegisterBookPeriodInput } from './register-book-period';
import { REGISTER_BOOK_SOURCES, RegisterBookSource } from './register-book-source';

/** Who may print a register book: the agency's clerks, its leadership and its agency-level leaders. */
export const REGISTER_BOOK_ROLES = [Role.clerk, Role.leader, Role.leadership] as const;

export interface RegisterBook {
  register: Register;
  agencyName: string;
  period: RegisterBookPeriod;
  report: TableReport;
}

/**
 * Sổ đăng ký văn bản (Decree 30 Art. 22.3.b: registers kept in the System are printed with all
 * their columns, signed and bound): a register's entries for a year as a table report, for
 * JSON, XLSX and PDF alike.
 */
@Injectable()
export class RegisterBookService {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly organisation: OrganisationScope,
    @Inject(REGISTER_BOOK_SOURCES) private readonly sources: readonly RegisterBookSource[],
  ) {}

  async book(actor: Actor, registerId: string, input: RegisterBookPeriodInput): Promise<RegisterBook> {
    if (!hasRole(actor, ...REGISTER_BOOK_ROLES)) throw AppError.forbidden();
    const period = registerBookPeriod(input, vietnamYear(new Date()));
    const register = await this.registers.findById(registerId);
    if (!register || !(await this.mayRead(actor, register))) throw AppError.notFound('sổ văn bản (register)');
    const source = this.sources.find((s) => s.kind === register.kind);
    // Every register kind has a source (DocumentsModule); a missing one is a wiring fault, not bad input.
    if (!source) throw new Error(`no register book source for ${register.kind} registers`);
    const agency = await this.organisation.agencyOf(register.agencyId);
    const rows = await source.rows(actor, register, period);
    const report: TableReport = {
      title: registerBookTitle(register),
      subtitle: registerBookSubtitle(agency.name, register, period),
      views: [{ name: `${register.code} ${period.year}`, columns: source.columns, rows }],
    };
    return { register, agencyName: agency.name, period, report };
  }

  async file(actor: Actor, registerId: string, input: RegisterBookPeriodInput, format: ReportFileFormat): Promise<ReportFile> {
    const book = await this.book(actor, registerId, input);
    return renderReportFile(book.report, format, registerBookFileName(book.register, book.period));
  }

  /**
   * The same reach as the incoming lists (IncomingAccess.scopeFor): clerks and agency-level
   * leaders their own agency, leadership also the agencies attached below it. A department
   * leader sees only their unit's items, so not a whole register.
   */
  private async mayRead(actor: Actor, register: Register): Promise<boolean> {
    const agency = await this.organisation.agencyOf(actor.unitId);
    const ownAgency = register.agencyId === agency.id;
    if (ownAgency && hasRole(actor, Role.clerk)) return true;
    if (ownAgency && hasRole(actor, Role.leader) && actor.unitId === agency.id) return true;
    return hasRole(actor, Role.leadership) && (await this.organisation.subtreeUnitIds(agency.id)).includes(register.agencyId);
  }
}
