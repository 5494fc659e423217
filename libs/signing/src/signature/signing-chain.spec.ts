import { PDFArray, PDFDict, PDFName } from 'pdf-lib';
import { copyFileSync } from 'node:fs';
import { findField, widgetOf, widgetRect } from '../form/acroform';
import { fillNumberAndDate } from '../form/number-date-filler';
import { PdfObjectLoader } from '../pdf/pdf-object-loader';
import { listPages, Rect } from '../pdf/page-tree';
import { PdfStructure } from '../pdf/pdf-structure';
import { verifyPdfSignatures } from '../verification/pdf-signature-verifier';
import { buildAppendixSource, buildDecisionSource, DECISION_LAYOUT } from '../../test/draft-fixtures';
import { requireTool, runTool, tempFile } from '../../test/external-tools';
import { buildHybridPdf, HYBRID_LAYOUT } from '../../test/hybrid-fixture';
import { pdfsigResults, qpdfCheck } from '../../test/pdf-checks';
import { AGENCY_NAME, createTestPki, LEADER_NAME, TestPki } from '../../test/pki-fixture';
import { countColour, renderPage } from '../../test/rendered-page';
import { runSigningChain } from '../../test/signing-chain';
import { signAppendix } from './appendix-signature';
import { applyLeaderSignature } from './leader-signature';
import { applyOrganisationSignature } from './organisation-signature';
import { locateLeaderImage } from './seal-placement';
import { FIELD_NAMES } from './signature-options';

function fieldGeometry(pdf: Uint8Array): { seal: Rect; leaderImage: Rect; sealPaintedLast: boolean } {
  const structure = PdfStructure.read(pdf);
  const context = new PdfObjectLoader(structure).loadContext();
  const catalog = context.lookup(structure.root) as PDFDict;
  const organisation = findField(context, catalog, FIELD_NAMES.organisationSignature);
  const leader = findField(context, catalog, FIELD_NAMES.leaderSignature);
  if (!organisation || !leader) throw new Error('fields missing');
  const widget = widgetOf(context, organisation);
  const [x1, , x2, y2] = widgetRect(widget.dict);
  const size = x2 - x1; // the seal is square and sits at the top of its widget
  const located = locateLeaderImage(context, catalog, leader);
  // Annotations are painted in /Annots order: the seal must come after the leader's widget.
  const annots = (context.lookup(listPages(context, catalog)[located.page]) as PDFDict).lookup(PDFName.of('Annots'), PDFArray).asArray();
  const sealPaintedLast = annots.indexOf(widget.ref) > annots.indexOf(widgetOf(context, leader).ref);
  return { seal: { x: x1, y: y2 - size, width: size, height: size }, leaderImage: located.image, sealPaintedLast };
}

describe('Decree 30 signing chain on real PDFs', () => {
  let test: TestPki;
  beforeAll(() => {
    requireTool('pdfsig');
    requireTool('qpdf');
    requireTool('pdftoppm');
    test = createTestPki();
  });

  async function alreadySigned(): Promise<Uint8Array> {
    // An incoming document carrying someone else's signature, reused as the basis of a draft.
    const signed = await applyLeaderSignature(await buildDecisionSource(false), {
      credentials: test.leader,
      signerName: 'Phạm Thị Khánh',
      signatureImage: test.pki.signatureImage,
      trust: test.trust,
      fieldName: 'IncomingSignature',
      placement: { page: 0, rect: { x: 400, y: 450, width: 150, height: 70 } },
    });
    return signed.toBuffer();
  }

  const sources: Array<[string, () => Promise<Uint8Array>, typeof DECISION_LAYOUT, number]> = [
    ['classic xref table', () => buildDecisionSource(false), DECISION_LAYOUT, 2],
    ['object and xref streams', () => buildDecisionSource(true), DECISION_LAYOUT, 2],
    ['hybrid-reference file', async () => buildHybridPdf(), HYBRID_LAYOUT, 1],
    ['PDF that already carries a signature', alreadySigned, DECISION_LAYOUT, 2],
  ];

  it.each(sources)('drafts, signs, numbers and seals a %s', async (label, build, layout, lastPage) => {
    const source = Buffer.from(await build());
    const steps = await runSigningChain(source, layout, test);
    const sequence = [source, steps.draft, steps.leaderSigned, steps.numbered, steps.sealed];
    sequence.slice(1).forEach((later, i) => expect(later.subarray(0, sequence[i].length).equals(sequence[i])).toBe(true));

    const earlier = verifyPdfSignatures(source, test.trust).signatures.length;
    const poppler = pdfsigResults(steps.sealed);
    expect(poppler).toMatchObject({ valid: earlier + 2, invalid: 0 });
    expect(pdfsigResults(steps.numbered)).toMatchObject({ valid: earlier + 1, invalid: 0 });
    expect(qpdfCheck(steps.sealed).status).toBe(0);
    // poppler must read every object through the appended cross-reference sections.
    expect(runTool('pdftotext', [tempFile(`text-${lastPage}.pdf`, steps.sealed), '-']).stderr).toBe('');

    const report = verifyPdfSignatures(steps.sealed, test.trust);
    expect(report.signatures.every((s) => s.intact && s.certificateTrusted)).toBe(true);
    const leader = report.signatures.find((s) => s.fieldName === FIELD_NAMES.leaderSignature);
    const organisation = report.signatures.find((s) => s.fieldName === FIELD_NAMES.organisationSignature);
    expect(leader).toMatchObject({ signerName: LEADER_NAME, coversWholeDocument: false, revision: PdfStructure.read(steps.leaderSigned).revisions.length });
    expect(organisation).toMatchObject({ signerName: AGENCY_NAME, coversWholeDocument: true });
    expect(report.modifiedAfterLastSignature).toBe(false);
    expect(report.onlyAllowedChangesAfterFirstSignature).toBe(true);
    const lastThree = report.revisions.slice(-3).map((r) => r.changes);
    expect(lastThree).toEqual([['SIGNATURE'], ['FORM_FILL'], ['SIGNATURE']]);

    // Seal at real size (36 mm), its right edge one third into the leader's image, vertically centred.
    const { seal, leaderImage, sealPaintedLast } = fieldGeometry(steps.sealed);
    expect(sealPaintedLast).toBe(true);
    expect(seal.width).toBeCloseTo((36 / 25.4) * 72, 0);
    expect(seal.x + seal.width).toBeCloseTo(leaderImage.x + leaderImage.width / 3, 3);
    expect(seal.y + seal.height / 2).toBeCloseTo(leaderImage.y + leaderImage.height / 2, 3);

    const page = renderPage(steps.sealed, lastPage, `chain-${label.replace(/\W+/g, '-')}`);
    copyFileSync(page.pngPath, tempFile(`last-page-${lastPage}-${label.replace(/\W+/g, '-')}.png`));
    expect(countColour(page, seal, 'red')).toBeGreaterThan(seal.width * seal.height * 0.1);
    const overlap = { ...leaderImage, width: leaderImage.width / 3 };
    expect(countColour(page, overlap, 'red')).toBeGreaterThan(200);
    const uncovered = { ...leaderImage, x: leaderImage.x + leaderImage.width / 3, width: (leaderImage.width * 2) / 3 };
    expect(countColour(page, uncovered, 'blue')).toBeGreaterThan(300);
  });

  it('shows the number and date only after filling, and keeps signature 1 valid', async () => {
    const steps = await runSigningChain(await buildDecisionSource(false), DECISION_LAYOUT, test);
    const box = DECISION_LAYOUT.documentNumber.rect;
    const before = renderPage(steps.leaderSigned, 1, 'before-number');
    const after = renderPage(steps.numbered, 1, 'after-number');
    const dark = (page: typeof before): number => {
      let count = 0;
      for (let row = Math.floor(page.height - box.y - box.height); row < page.height - box.y; row += 1) {
        for (let col = box.x; col < box.x + box.width; col += 1) if (page.pixels[(row * page.width + col) * 3] < 100) count += 1;
      }
      return count;
    };
    expect(dark(before)).toBe(0);
    expect(dark(after)).toBeGreaterThan(50);
    const leader = verifyPdfSignatures(steps.numbered, test.trust).signatures[0];
    expect(leader).toMatchObject({ intact: true, coversWholeDocument: false });
  });

  it('signs an appendix in a separate file at the top right of page 1, without an image', async () => {
    const source = await buildAppendixSource();
    const result = await signAppendix(source, { credentials: test.agency, documentNumberSymbol: '05/QĐ-SGDĐT', trust: test.trust });
    // The caller's bytes come back as they are, not copied; the step wrote only its revision.
    expect(result.head.buffer).toBe(source.buffer);
    expect([result.head.byteOffset, result.head.length]).toEqual([source.byteOffset, source.length]);
    expect(result.tail.length).toBeLessThan(64 * 1024);
    const signed = result.toBuffer();
    expect(pdfsigResults(signed)).toMatchObject({ valid: 1, invalid: 0 });
    expect(qpdfCheck(signed).status).toBe(0);
    const [signature] = verifyPdfSignatures(signed, test.trust).signatures;
    expect(signature).toMatchObject({ fieldName: FIELD_NAMES.appendixSignature, intact: true, coversWholeDocument: true, certificateTrusted: true });
    const structure = PdfStructure.read(signed);
    const context = new PdfObjectLoader(structure).loadContext();
    const field = findField(context, context.lookup(structure.root) as PDFDict, FIELD_NAMES.appendixSignature);
    const [x1, y1, x2, y2] = widgetRect(widgetOf(context, field!).dict);
    expect(x2).toBeGreaterThan(595.28 - 80);
    expect(y2).toBeGreaterThan(841.89 - 40);
    const page = renderPage(signed, 1, 'appendix');
    const area = { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
    expect(countColour(page, area, 'red') + countColour(page, area, 'blue')).toBe(0);
  });

  it('fills only fields the draft carried', async () => {
    const unprepared = await buildDecisionSource(false);
    await expect(fillNumberAndDate(unprepared, { documentNumber: 5, notation: 'QĐ-SGDĐT', place: 'Tây Ninh', issueDate: new Date() }))
      .rejects.toMatchObject({ code: 'FIELD_MISSING' });
  });

  it('refuses to seal a document the leader has not signed', async () => {
    const steps = await runSigningChain(await buildDecisionSource(false), DECISION_LAYOUT, test);
    await expect(applyOrganisationSignature(steps.draft, {
      credentials: test.agency, agencyName: AGENCY_NAME, sealImage: test.pki.sealImage, trust: test.trust,
    })).rejects.toMatchObject({ code: 'LEADER_SIGNATURE_MISSING' });
    await expect(applyLeaderSignature(steps.leaderSigned, {
      credentials: test.leader, signerName: LEADER_NAME, signatureImage: test.pki.signatureImage, trust: test.trust,
    })).rejects.toMatchObject({ code: 'FIELD_ALREADY_SIGNED' });
  });
});
