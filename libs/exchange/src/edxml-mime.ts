import { randomBytes } from 'node:crypto';
import { EdxmlRefusal } from './edxml-errors';

/** One part of the package: the envelope (first, `envelope`) or an attachment named in the manifest. */
export interface MimePart {
  contentId: string;
  contentType: string;
  bytes: Buffer;
}

const CRLF = '\r\n';
const MAX_HEADER_BYTES = 4096;

/**
 * The package as QCVN 102 carries it: a `multipart/related` MIME message whose first part is the XML
 * envelope and whose other parts are the attachments, base64-encoded so the bytes survive any
 * transport unchanged. Answers the message and its Content-Type (boundary included).
 */
export function writeMultipart(parts: MimePart[]): { contentType: string; body: Buffer } {
  const boundary = `edxml-${randomBytes(16).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const binaryXml = part.contentId === 'envelope';
    chunks.push(
      Buffer.from(
        `--${boundary}${CRLF}Content-Type: ${part.contentType}${CRLF}Content-ID: <${part.contentId}>${CRLF}` +
          `Content-Transfer-Encoding: ${binaryXml ? '8bit' : 'base64'}${CRLF}${CRLF}`,
      ),
    );
    chunks.push(binaryXml ? part.bytes : base64Lines(part.bytes));
    chunks.push(Buffer.from(CRLF));
  }
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`));
  return { contentType: `multipart/related; boundary="${boundary}"; type="text/xml"; start="<envelope>"`, body: Buffer.concat(chunks) };
}

function malformed(why: string): EdxmlRefusal {
  return new EdxmlRefusal('EDXML_MALFORMED', `Gói tin MIME không hợp lệ (${why})`);
}

export function boundaryOf(contentType: string): string {
  const match = /^multipart\/related\s*;.*\bboundary="?([A-Za-z0-9'()+_,\-./:=? ]{1,70}?)"?\s*(;|$)/i.exec(contentType.trim());
  if (!match) throw malformed('Content-Type phải là multipart/related có boundary');
  return match[1];
}

/** Splits a received package into its parts; anything but the shape written above is refused. */
export function readMultipart(contentType: string, body: Buffer, maxParts: number): MimePart[] {
  const boundary = boundaryOf(contentType);
  const delimiter = Buffer.from(`--${boundary}`);
  if (body.indexOf(delimiter) !== 0) throw malformed('không bắt đầu bằng boundary');
  const parts: MimePart[] = [];
  let at = delimiter.length;
  for (;;) {
    if (body.subarray(at, at + 2).toString() === '--') break;
    if (body.subarray(at, at + 2).toString() !== CRLF) throw malformed('boundary không kết thúc bằng CRLF');
    const headerEnd = body.indexOf(CRLF + CRLF, at + 2);
    if (headerEnd < 0 || headerEnd - at > MAX_HEADER_BYTES) throw malformed('phần đầu của một phần quá dài hoặc thiếu');
    const headers = readHeaders(body.subarray(at + 2, headerEnd).toString('latin1'));
    const next = body.indexOf(Buffer.concat([Buffer.from(CRLF), delimiter]), headerEnd + 4);
    if (next < 0) throw malformed('thiếu boundary đóng (truncated)');
    if (parts.length >= maxParts + 1) throw malformed(`quá ${maxParts} tệp đính kèm`);
    const raw = body.subarray(headerEnd + 4, next);
    parts.push({ contentId: headers.contentId, contentType: headers.contentType, bytes: decode(raw, headers.encoding) });
    at = next + 2 + delimiter.length;
  }
  if (parts.length === 0 || parts[0].contentId !== 'envelope') throw malformed('phần đầu tiên phải là phong bì edXML');
  return parts;
}

function readHeaders(block: string): { contentId: string; contentType: string; encoding: string } {
  const found = new Map<string, string>();
  for (const line of block.split(CRLF)) {
    const match = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (!match) throw malformed(`dòng đầu không hợp lệ: ${line.slice(0, 60)}`);
    const name = match[1].toLowerCase();
    if (found.has(name)) throw malformed(`${match[1]} lặp lại`);
    found.set(name, match[2].trim());
  }
  const contentId = /^<([^<>\s]{1,100})>$/.exec(found.get('content-id') ?? '')?.[1];
  const contentType = found.get('content-type');
  const encoding = (found.get('content-transfer-encoding') ?? '8bit').toLowerCase();
  if (!contentId || !contentType) throw malformed('thiếu Content-ID hoặc Content-Type');
  if (!['base64', '8bit', 'binary'].includes(encoding)) throw malformed(`mã hoá ${encoding} không được hỗ trợ`);
  return { contentId, contentType, encoding };
}

/** Base64 in lines of 76 characters (RFC 2045). */
function base64Lines(bytes: Buffer): Buffer {
  const text = bytes.toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += 76) lines.push(text.slice(at, at + 76));
  return Buffer.from(lines.join(CRLF), 'latin1');
}

function decode(raw: Buffer, encoding: string): Buffer {
  if (encoding !== 'base64') return raw;
  const compact = raw.toString('latin1').split(CRLF).join('');
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  const bytes = Buffer.from(compact, 'base64');
  // Buffer.from(…, 'base64') skips what it does not know: any such character shortens the result, so a
  // part that does not decode in full is refused rather than read "as far as it goes".
  if (compact.length % 4 !== 0 || bytes.length !== (compact.length / 4) * 3 - padding) throw malformed('base64 không hợp lệ');
  return bytes;
}
