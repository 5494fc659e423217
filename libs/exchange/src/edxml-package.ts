import { createHash } from 'node:crypto';
import type { EdxmlAttachment, EdxmlAttachmentEntry, EdxmlHeader, EdxmlTrace } from './edxml-header';
import { EdxmlRefusal } from './edxml-errors';
import { DEFAULT_BOUNDS, EDXML_NS, type EdxmlBounds } from './edxml-limits';
import { readMultipart, writeMultipart } from './edxml-mime';
import { readManifest, readMessageHeader, readTraces } from './edxml-reader';
import { envelopeXml, manifestXml, messageHeaderXml, traceListXml } from './edxml-writer';
import { type EnvelopeSigner, signEnvelope, verifyEnvelope } from './xml-signature';
import { withAuthenticatedIdentity } from './edxml-refused';
import { businessXml, readBusiness } from './edxml-business';
import { parseStrictXml } from './xml-strict';
import { child } from './xml-read';

export interface BuiltPackage {
  contentType: string;
  body: Buffer;
  envelope: string;
}

export interface ParsedPackage {
  header: EdxmlHeader;
  traces: EdxmlTrace[];
  attachments: (EdxmlAttachment & { sha256: string })[];
  envelope: string;
}

export interface ParseOptions {
  /** The directory's certificate (PEM) for a sender OrganId, or null for an agency it does not know. */
  senderCertificate: (organId: string) => string | null | Promise<string | null>;
  now?: Date;
  bounds?: EdxmlBounds;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/**
 * Builds and signs a package. The header is read back through the same strict reader a receiver
 * uses before it is signed, so this side never sends what the other side must refuse.
 */
export function buildPackage(input: { header: EdxmlHeader; traces: EdxmlTrace[]; attachments: EdxmlAttachment[]; signer: EnvelopeSigner; now?: Date }): BuiltPackage {
  const entries: EdxmlAttachmentEntry[] = input.attachments.map((a, i) => ({
    contentId: `attachment-${i + 1}`,
    name: a.name,
    contentType: a.contentType,
    size: a.bytes.length,
    sha256: sha256(a.bytes),
  }));
  const unsigned = envelopeXml([messageHeaderXml(input.header), traceListXml(input.traces, businessXml(input.header.documentId, input.header.business))], [manifestXml(entries)]);
  readEnvelope(parseStrictXml(unsigned), DEFAULT_BOUNDS, input.now ?? new Date());
  const envelope = signEnvelope(unsigned, input.signer);
  const { contentType, body } = writeMultipart([
    { contentId: 'envelope', contentType: 'text/xml; charset=utf-8', bytes: Buffer.from(envelope, 'utf8') },
    ...input.attachments.map((a, i) => ({ contentId: entries[i].contentId, contentType: a.contentType, bytes: a.bytes })),
  ]);
  return { contentType, body, envelope };
}

function readEnvelope(doc: Document, bounds: EdxmlBounds, now: Date) {
  const root = doc.documentElement as unknown as Element;
  if (root.namespaceURI !== EDXML_NS || root.localName !== 'edXMLEnvelope') throw new EdxmlRefusal('EDXML_MALFORMED', 'Phần tử gốc phải là edXML:edXMLEnvelope');
  const head = child(root, 'edXMLHeader', 'edXMLEnvelope', true);
  const body = child(root, 'edXMLBody', 'edXMLEnvelope', true);
  const header = readMessageHeader(child(head, 'MessageHeader', 'edXMLHeader', true), bounds, now);
  const traceList = child(head, 'TraceHeaderList', 'edXMLHeader', false);
  const business = readBusiness(traceList, header.documentId);
  return {
    header: business ? { ...header, business } : header,
    traces: readTraces(traceList),
    manifest: readManifest(child(body, 'Manifest', 'edXMLBody', true), bounds),
  };
}

/** The sender's OrganId, read before the signature is checked only to choose the certificate to check it with. */
function claimedSender(doc: Document): string {
  const root = doc.documentElement as unknown as Element;
  const from = root.getElementsByTagNameNS(EDXML_NS, 'From')[0];
  const organId = from?.getElementsByTagNameNS(EDXML_NS, 'OrganId')[0]?.textContent?.trim();
  if (!organId) throw new EdxmlRefusal('EDXML_FIELD_INVALID', 'Thiếu OrganId của nơi gửi (MessageHeader/From/OrganId missing)', 'MessageHeader/From/OrganId');
  return organId;
}

/**
 * Parses a received package strictly: size bounds first, no DTD, the signature checked against the
 * directory's certificate for the sender, every field read from the signed document only, and each
 * attachment's bytes against the manifest's size and SHA-256.
 */
export async function parsePackage(contentType: string, body: Buffer, options: ParseOptions): Promise<ParsedPackage> {
  const bounds = options.bounds ?? DEFAULT_BOUNDS;
  if (body.length > bounds.maxPackageBytes) throw tooLarge(`gói tin ${body.length} byte, tối đa ${bounds.maxPackageBytes}`);
  const parts = readMultipart(contentType, body, bounds.maxAttachments);
  if (parts[0].bytes.length > bounds.maxEnvelopeBytes) throw tooLarge(`phong bì ${parts[0].bytes.length} byte, tối đa ${bounds.maxEnvelopeBytes}`);
  const envelope = parts[0].bytes.toString('utf8');
  const doc = parseStrictXml(envelope);
  const sender = claimedSender(doc);
  const certificate = await options.senderCertificate(sender);
  if (!certificate) throw new EdxmlRefusal('EDXML_SENDER_UNKNOWN', `Cơ quan gửi ${sender} không có trong danh bạ hoặc chưa có chứng thư số (unknown sender)`, 'MessageHeader/From/OrganId');
  const signed = verifyEnvelope(envelope, doc, certificate);
  try {
    const { header, traces, manifest } = readEnvelope(signed, bounds, options.now ?? new Date());
    const attachments = matchAttachments(manifest, parts.slice(1));
    return { header, traces, attachments, envelope };
  } catch (error) {
    // Signed by the sender the directory knows: a refusal from here on may be answered (02) to it.
    throw withAuthenticatedIdentity(error, signed, sender);
  }
}

function matchAttachments(manifest: EdxmlAttachmentEntry[], parts: { contentId: string; bytes: Buffer }[]) {
  if (parts.length !== manifest.length) throw mismatch(`${parts.length} tệp, danh mục ghi ${manifest.length}`);
  const byId = new Map(parts.map((p) => [p.contentId, p]));
  if (byId.size !== parts.length) throw mismatch('Content-ID lặp lại');
  return manifest.map((entry) => {
    const part = byId.get(entry.contentId);
    if (!part) throw mismatch(`thiếu tệp ${entry.contentId}`);
    if (part.bytes.length !== entry.size || sha256(part.bytes) !== entry.sha256) throw mismatch(`tệp ${entry.name} không khớp mã băm (hash mismatch)`);
    return { name: entry.name, contentType: entry.contentType, bytes: part.bytes, sha256: entry.sha256 };
  });
}

function tooLarge(why: string): EdxmlRefusal {
  return new EdxmlRefusal('EDXML_TOO_LARGE', `Gói tin vượt giới hạn kích thước (${why})`);
}

function mismatch(why: string): EdxmlRefusal {
  return new EdxmlRefusal('EDXML_ATTACHMENT_MISMATCH', `Tệp đính kèm không khớp danh mục đã ký: ${why}`);
}
