import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrganisationScope, Unit } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import { TrustOptions, verifyPdfSignatures } from '@eoffice/signing';
import { vietnamYear } from '@eoffice/vietnamese';
import { RegisterNumberingRepository, RegisterRepository } from '../registers';
import { findDocumentType, notationFor } from './document-types';
import type { OutgoingDocument } from './entities/outgoing-document.entity';

export interface TakenNumber {
  registerId: string;
  year: number;
  value: number;
}

/** What every way of issuing shares (the stored-key issue, the seal saga, the paper path): the checks and the number. */
@Injectable()
export class IssueSteps {
  constructor(
    private readonly organisation: OrganisationScope,
    private readonly registers: RegisterRepository,
    private readonly numbering: RegisterNumberingRepository,
  ) {}

  /**
   * The state says `signed`, but the bytes decide (Art. 32.2.c: seal only what the competent
   * person validly signed): exactly one intact, trusted signature by the certificate recorded at
   * signing, and nothing appended after it.
   */
  assertLeaderSignature(pdf: Buffer, document: OutgoingDocument, trust: TrustOptions): void {
    const report = verifyPdfSignatures(pdf, trust);
    const [signature] = report.signatures;
    const problems = [
      report.signatures.length !== 1 && `${report.signatures.length} signatures instead of 1`,
      signature && !signature.intact && 'the signature does not match the bytes',
      signature && !signature.certificateTrusted && 'the certificate is not trusted',
      signature?.signerCertificate?.sha256Fingerprint !== document.signerCertificateSha256 && 'not signed with the signer certificate recorded',
      report.modifiedAfterLastSignature && 'the file changed after the signature',
    ].filter(Boolean);
    if (problems.length) {
      throw new AppError(422, 'LEADER_SIGNATURE_INVALID', `Chữ ký của người có thẩm quyền không hợp lệ (${problems.join('; ')})`);
    }
  }

  /**
   * The next number of the register for the year. Take it last in the transaction: the counter row
   * stays locked until commit, so concurrent issues queue here only, and the issue time read after
   * the lock keeps times in number order (Art. 15.1).
   */
  async takeNumber(manager: EntityManager, document: OutgoingDocument, at: Date): Promise<TakenNumber> {
    const register = await this.registers.findOutgoingFor(document.agencyId, document.confidentiality !== 'normal', document.documentType, manager);
    if (!register) throw new AppError(422, 'REGISTER_INVALID', 'Cơ quan chưa có sổ văn bản đi phù hợp (no outgoing register for this document)');
    const year = vietnamYear(at);
    return { registerId: register.id, year, value: await this.numbering.takeNext(manager, register.id, year) };
  }

  /** The agency, its place name (the date line) and the document's notation (ký hiệu). */
  async agencyFacts(document: OutgoingDocument, manager: EntityManager): Promise<{ agency: Unit; place: string; notation: string }> {
    const [agency, draftingUnit] = await Promise.all([this.unit(document.agencyId, manager), this.unit(document.draftingUnitId, manager)]);
    if (!agency.placeName) {
      throw new AppError(422, 'AGENCY_PLACE_MISSING', `Chưa khai báo địa danh của ${agency.name} (the agency has no place name for the date line)`);
    }
    const notation = notationFor(findDocumentType(document.documentType), agency.code, draftingUnit.code, document.confidentiality);
    return { agency, place: agency.placeName, notation };
  }

  private async unit(id: string, manager: EntityManager): Promise<Unit> {
    const unit = await this.organisation.findUnit(id, manager);
    if (!unit) throw AppError.notFound('đơn vị (unit)');
    return unit;
  }
}
