import { readFileSync, writeFileSync } from 'node:fs';
import { applyLeaderSignature, applyOrganisationSignature, createDemoPki, fillNumberAndDate, importPkcs12, prepareDraft, verifyPdfSignatures } from '@eoffice/signing';
(async () => {
  const pki = createDemoPki();
  const leader = importPkcs12(pki.leader.p12, pki.leader.passphrase);
  const agency = importPkcs12(pki.agency.p12, pki.agency.passphrase);
  const trust = { trustAnchors: [pki.ca.certificate] };
  const src = readFileSync(process.argv[2]);
  console.log(JSON.stringify(verifyPdfSignatures(src).signatures.map((s) => [s.fieldName, s.intact, s.problems])));
  const draft = await prepareDraft(src, { leaderSignature: { page: 'last', rect: { x: 330, y: 100, width: 160, height: 95 } }, documentNumber: { page: 0, rect: { x: 60, y: 760, width: 180, height: 20 } }, issueDateLine: { page: 0, rect: { x: 270, y: 760, width: 280, height: 20 } } });
  const signed = await applyLeaderSignature(draft, { credentials: leader, signerName: 'Nguyễn Văn Đức', signatureImage: pki.signatureImage, trust });
  const numbered = await fillNumberAndDate(signed, { documentNumber: 5, notation: 'QĐ-SGDĐT', place: 'Tây Ninh', issueDate: new Date() });
  const sealed = await applyOrganisationSignature(numbered, { credentials: agency, agencyName: 'Sở GD', sealImage: pki.sealImage, trust });
  const rep = verifyPdfSignatures(sealed, trust);
  console.log(JSON.stringify(rep.signatures.map((s) => [s.fieldName, s.intact, s.coversWholeDocument, s.problems]), null, 0));
  console.log(JSON.stringify(rep.revisions.map((r) => [r.revision, r.changes, r.details.map((d) => d.description)])));
  writeFileSync(process.argv[3], sealed);
})().catch((e) => { console.error(e); process.exit(1); });
