import { PDFContext } from 'pdf-lib';
import { PdfStructure } from '../pdf/pdf-structure';
import { PdfInput, UpdatedPdf } from '../pdf/updated-pdf';
import { embedCmsInPlace } from '../signature/signature-placeholder';
import { prepareSignatureRevision } from '../signature/signature-revision';
import { requestTimestamp, TimestampAuthoritySettings } from './tsa-client';
import { TimestampToken } from './timestamp-token';

/** Room for a token with the TSA's chain; a token is 2–6 KB. */
const RESERVED_BYTES = 12_288;

/**
 * PAdES B-LTA (ETSI EN 319 142-1 §5.5): a document time-stamp — an invisible signature field whose
 * /Contents is a bare RFC 3161 token over the whole file so far, DSS included — so the validation
 * data stays provable after the earlier signatures' algorithms or the TSA's certificate age out.
 * Repeated before the last time-stamp's certificate expires, it keeps a record verifiable for good.
 */
export async function addDocumentTimestamp(
  pdf: PdfInput,
  tsa: TimestampAuthoritySettings,
  fieldName = `DocumentTimestamp${Date.now()}`,
): Promise<{ pdf: UpdatedPdf; token: TimestampToken }> {
  // Read in place: a B-LT result in pieces is not joined to be time-stamped.
  const structure = PdfStructure.read(pdf);
  const prepared = await prepareSignatureRevision(structure, {
    fieldName,
    kind: 'documentTimestamp',
    signingTime: new Date(),
    reservedBytes: RESERVED_BYTES,
    placement: { page: 0, rect: { x: 0, y: 0, width: 0, height: 0 } },
    appearance: async (context: PDFContext) => ({ ref: context.register(context.formXObject([], { BBox: [0, 0, 0, 0] })) }),
  });
  const token = await requestTimestamp(tsa, prepared.documentDigest);
  embedCmsInPlace(prepared.pdf.tail, prepared.pdf.headLength, prepared.byteRange, token.der);
  return { pdf: prepared.pdf, token };
}
