import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString, StandardFonts } from 'pdf-lib';
import { isSigningError } from '../errors/signing-error';
import { requireTool, runTool, tempFile } from '../../test/external-tools';
import { buildHybridPdf, buildPdfWithSizeGap } from '../../test/hybrid-fixture';
import { qpdfCheck, qpdfTransform } from '../../test/pdf-checks';
import { PdfObjectLoader } from './pdf-object-loader';
import { PdfStructure } from './pdf-structure';
import { PdfUpdate } from './pdf-update';

async function simplePdf(useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([300, 300]).drawText('Revision one (upstream stream words)', { x: 20, y: 250, size: 10, font });
  return doc.save({ useObjectStreams });
}

/** Appends a revision that sets /Lang on the catalog and adds one new object. */
function appendLangRevision(pdf: Uint8Array, lang: string): { bytes: Buffer; newRef: string } {
  const update = PdfUpdate.open(pdf);
  const ref = update.register(update.context.obj({ Note: PDFString.of(lang) }));
  update.catalog.set(PDFName.of('Lang'), PDFString.of(lang));
  update.catalog.set(PDFName.of('TestNote'), ref);
  update.markModified(update.catalogRef);
  return { bytes: update.writeFile().toBuffer(), newRef: ref.toString() };
}

function langOf(pdf: Uint8Array, revision?: number): string | undefined {
  const structure = PdfStructure.read(pdf);
  const context = new PdfObjectLoader(structure).loadContext(revision);
  return String(context.lookup(structure.root, PDFDict).get(PDFName.of('Lang')) ?? '') || undefined;
}

describe('PDF structure reading and incremental writing', () => {
  beforeAll(() => requireTool('qpdf'));

  const sources: Array<[string, () => Promise<Uint8Array>, 'table' | 'stream']> = [
    ['classic xref table (pdf-lib)', () => simplePdf(false), 'table'],
    ['object + xref streams (pdf-lib)', () => simplePdf(true), 'stream'],
    ['xref stream with PNG predictor (qpdf)', async () => qpdfTransform(await simplePdf(false), ['--object-streams=generate']), 'stream'],
    ['linearised (qpdf)', async () => qpdfTransform(await simplePdf(false), ['--linearize']), 'table'],
    ['hybrid reference file', async () => buildHybridPdf(), 'table'],
  ];

  it.each(sources)('appends revisions to a %s without touching earlier bytes', async (_label, build, kind) => {
    const original = Buffer.from(await build());
    expect(qpdfCheck(original).status).toBe(0);
    const before = PdfStructure.read(original);
    expect(before.latest.xrefKind).toBe(kind);

    const first = appendLangRevision(original, 'vi-VN');
    const second = appendLangRevision(first.bytes, 'en-GB');
    expect(first.bytes.subarray(0, original.length).equals(original)).toBe(true);
    expect(second.bytes.subarray(0, first.bytes.length).equals(first.bytes)).toBe(true);
    // New objects are numbered from the trailer's /Size, never below it.
    expect(first.newRef).toBe(`${before.size} 0 R`);

    const after = PdfStructure.read(second.bytes);
    expect(after.revisions).toHaveLength(before.revisions.length + 2);
    expect(after.latest.xrefKind).toBe(kind);
    expect(after.revisions[after.revisions.length - 2].endOffset).toBe(first.bytes.length);
    expect(langOf(second.bytes)).toBe('(en-GB)');
    expect(langOf(second.bytes, before.revisions.length + 1)).toBe('(vi-VN)');
    expect(langOf(second.bytes, before.revisions.length)).toBeUndefined();
    const check = qpdfCheck(second.bytes);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.status).toBe(0);
  });

  it.each(sources)('reads a %s in the pieces a step left, without joining, and writes the same bytes as over the joined file', async (_label, build) => {
    const original = Buffer.from(await build());
    const first = PdfUpdate.open(original);
    first.catalog.set(PDFName.of('Lang'), PDFString.of('vi-VN'));
    first.markModified(first.catalogRef);
    const inPieces = first.writeFile();
    const joined = inPieces.toBuffer();
    const overPieces = PdfStructure.read(inPieces);
    expect(overPieces.source.parts).toHaveLength(2);
    const overJoined = PdfStructure.read(joined);
    expect(overPieces.revisions.map((r) => [r.endOffset, r.xrefOffset, r.xrefKind, r.entries.size]))
      .toEqual(overJoined.revisions.map((r) => [r.endOffset, r.xrefOffset, r.xrefKind, r.entries.size]));
    expect(langOf(joined)).toBe('(vi-VN)');
    expect(String(new PdfObjectLoader(overPieces).loadContext().lookup(overPieces.root, PDFDict).get(PDFName.of('Lang')))).toBe('(vi-VN)');

    const second = (pdf: Uint8Array | typeof inPieces) => {
      const update = PdfUpdate.open(pdf);
      update.catalog.set(PDFName.of('TestNote'), update.register(update.context.obj({ Note: PDFString.of('en-GB') })));
      update.markModified(update.catalogRef);
      return update.writeFile();
    };
    const [fromPieces, fromJoined] = [second(inPieces), second(joined)];
    // Three pieces: the caller's bytes and both revisions, the 10 MiB case's head never copied.
    expect(fromPieces.parts()).toHaveLength(3);
    expect(fromPieces.parts()[0]).toBe(original);
    expect(Buffer.concat(fromPieces.parts()).equals(fromJoined.toBuffer())).toBe(true);
    expect(qpdfCheck(fromPieces.toBuffer()).status).toBe(0);
  });

  it('reads objects hidden in a hybrid file’s object stream', () => {
    requireTool('pdftotext');
    const text = runTool('pdftotext', [tempFile('hybrid.pdf', buildHybridPdf()), '-']);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('DECISION (hybrid-reference file)');
    const structure = PdfStructure.read(buildHybridPdf());
    expect(structure.entry(5)).toEqual({ kind: 'compressed', streamNumber: 6, index: 0 });
    const context = new PdfObjectLoader(structure).loadContext();
    const info = context.lookup(structure.info as PDFRef, PDFDict);
    expect(String(info.get(PDFName.of('Title')))).toBe('(Hybrid reference test)');
  });

  it('numbers new objects from the trailer /Size even when objects are missing below it', () => {
    const update = PdfUpdate.open(buildPdfWithSizeGap());
    expect(update.register(update.context.obj({ A: PDFNumber.of(1) })).toString()).toBe('40 0 R');
    const written = update.writeFile().toBuffer();
    const structure = PdfStructure.read(written);
    expect(structure.size).toBe(41);
    expect(structure.entry(40)).toMatchObject({ kind: 'offset' });
  });

  it('refuses encrypted PDFs with PDF_ENCRYPTED', async () => {
    const encrypted = qpdfTransform(await simplePdf(false), ['--encrypt', 'user', 'owner', '256', '--']);
    expect(() => PdfUpdate.open(encrypted)).toThrow(expect.objectContaining({ code: 'PDF_ENCRYPTED' }));
  });

  it('reports garbage as PDF_MALFORMED', () => {
    const error = (() => {
      try {
        PdfStructure.read(Buffer.from('%PDF-1.7\nnot really a pdf\nstartxref\n999999\n%%EOF\n'));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(isSigningError(error, 'PDF_MALFORMED')).toBe(true);
    expect(() => PdfStructure.read(Buffer.from('hello'))).toThrow(expect.objectContaining({ code: 'PDF_MALFORMED' }));
  });
});
