import { DraftLayout, prepareDraft } from '../src/form/draft-preparer';
import { fillNumberAndDate } from '../src/form/number-date-filler';
import { applyLeaderSignature } from '../src/signature/leader-signature';
import { applyOrganisationSignature } from '../src/signature/organisation-signature';
import { AGENCY_NAME, LEADER_NAME, TestPki } from './pki-fixture';

export interface ChainSteps {
  draft: Buffer;
  leaderSigned: Buffer;
  numbered: Buffer;
  sealed: Buffer;
}

/** The Decree 30 sequence: draft fields → leader signs → clerk numbers → agency seals; each step's whole file. */
export async function runSigningChain(source: Uint8Array, layout: DraftLayout, test: TestPki): Promise<ChainSteps> {
  const draft = (await prepareDraft(source, layout)).toBuffer();
  const leaderSigned = (await applyLeaderSignature(draft, {
    credentials: test.leader,
    signerName: LEADER_NAME,
    signatureImage: test.pki.signatureImage,
    trust: test.trust,
    reason: 'Phê duyệt',
    location: 'Tây Ninh',
  })).toBuffer();
  const numbered = (await fillNumberAndDate(leaderSigned, {
    documentNumber: 5,
    notation: 'QĐ-SGDĐT',
    place: 'Tây Ninh',
    issueDate: { year: 2027, month: 1, day: 5 },
  })).toBuffer();
  const sealed = (await applyOrganisationSignature(numbered, {
    credentials: test.agency,
    agencyName: AGENCY_NAME,
    sealImage: test.pki.sealImage,
    trust: test.trust,
  })).toBuffer();
  return { draft, leaderSigned, numbered, sealed };
}
