import type { EdxmlOrgan, EdxmlResponseFor } from './edxml-header';
import { EdxmlRefusal, fieldInvalid } from './edxml-errors';
import { EDXML_NS, FIELD_LENGTHS as L } from './edxml-limits';
import { checkDate, checkOrganId } from './edxml-rules';
import { type EnvelopeSigner, signEnvelope, verifyEnvelope } from './xml-signature';
import { parseStrictXml } from './xml-strict';
import { element, group } from './xml-text';
import { child, text } from './xml-read';

/**
 * Status codes of QCVN 102 sent back for a received document: 01 arrived, 02 refused (with reason),
 * 03 accepted, 04 awaiting assignment, 05 assigned/being handled, 06 done; and the extensions used
 * on the national axis: 13 recall (thu hồi, sent by the document's sender to its recipients), 15 the
 * recall (or update) accepted, 16 it refused — both answered by the recipient.
 */
export const STATUS_CODES = ['01', '02', '03', '04', '05', '06', '13', '15', '16'] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

export interface EdxmlStatus {
  /** The document the status is about, as its sender identified it. */
  responseFor: EdxmlResponseFor;
  from: Pick<EdxmlOrgan, 'organId' | 'organName'>;
  code: StatusCode;
  description?: string;
  /** When the step happened at the receiver (ISO 8601). */
  timestamp: string;
  staff?: { department?: string; name?: string };
}

export function statusXml(s: EdxmlStatus): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><edXML:edXMLEnvelope xmlns:edXML="${EDXML_NS}">` +
    group('edXMLHeader', [
      group('Status', [
        group('ResponseFor', [
          element('OrganId', s.responseFor.organId),
          element('Code', s.responseFor.code),
          element('PromulgationDate', s.responseFor.promulgationDate),
          element('DocumentId', s.responseFor.documentId),
        ]),
        group('From', [element('OrganId', s.from.organId), element('OrganName', s.from.organName)]),
        element('StatusCode', s.code),
        element('Description', s.description),
        element('Timestamp', s.timestamp),
        s.staff ? group('StaffInfo', [element('Department', s.staff.department), element('Staff', s.staff.name)]) : '',
      ]),
    ]) +
    group('edXMLBody', []) +
    `</edXML:edXMLEnvelope>`
  );
}

/** A signed status message, checked as strictly as the receiver will. */
export function buildStatus(status: EdxmlStatus, signer: EnvelopeSigner): string {
  readStatus(parseStrictXml(statusXml(status)).documentElement as unknown as Element);
  return signEnvelope(statusXml(status), signer);
}

function readStatus(root: Element): EdxmlStatus {
  if (root.namespaceURI !== EDXML_NS || root.localName !== 'edXMLEnvelope') throw new EdxmlRefusal('EDXML_MALFORMED', 'Phần tử gốc phải là edXML:edXMLEnvelope');
  const s = child(child(root, 'edXMLHeader', 'edXMLEnvelope', true), 'Status', 'edXMLHeader', true);
  const r = child(s, 'ResponseFor', 'Status', true);
  const from = child(s, 'From', 'Status', true);
  const code = text(s, 'StatusCode', 'Status', 2, true);
  if (!(STATUS_CODES as readonly string[]).includes(code)) throw fieldInvalid('Status/StatusCode', `mã ${code} không được hỗ trợ`);
  const description = text(s, 'Description', 'Status', L.description, false);
  if (code === '02' && !description) throw fieldInvalid('Status/Description', 'từ chối phải có lý do (a refusal needs its reason)');
  const timestamp = text(s, 'Timestamp', 'Status', 40, true);
  if (Number.isNaN(Date.parse(timestamp))) throw fieldInvalid('Status/Timestamp', 'không phải thời điểm ISO 8601');
  const staff = child(s, 'StaffInfo', 'Status', false);
  return {
    responseFor: {
      organId: checkOrganId(text(r, 'OrganId', 'Status/ResponseFor', 13, true), 'Status/ResponseFor/OrganId'),
      code: text(r, 'Code', 'Status/ResponseFor', L.codeNumber + L.codeNotation + 1, true),
      promulgationDate: checkDate(text(r, 'PromulgationDate', 'Status/ResponseFor', 10, true), 'Status/ResponseFor/PromulgationDate'),
      documentId: text(r, 'DocumentId', 'Status/ResponseFor', L.documentId, true),
    },
    from: {
      organId: checkOrganId(text(from, 'OrganId', 'Status/From', 13, true), 'Status/From/OrganId'),
      organName: text(from, 'OrganName', 'Status/From', L.organName, true),
    },
    code: code as StatusCode,
    description,
    timestamp,
    staff: staff ? { department: text(staff, 'Department', 'Status/StaffInfo', L.organName, false), name: text(staff, 'Staff', 'Status/StaffInfo', L.fullName, false) } : undefined,
  };
}

/** Parses a received status: strict XML, signature by the directory's certificate of its sender, fields from the signed document. */
export async function parseStatus(xml: Buffer, senderCertificate: (organId: string) => string | null | Promise<string | null>, maxBytes = 64 * 1024): Promise<EdxmlStatus> {
  if (xml.length > maxBytes) throw new EdxmlRefusal('EDXML_TOO_LARGE', `Thông điệp trạng thái quá ${maxBytes} byte`);
  const text = xml.toString('utf8');
  const doc = parseStrictXml(text);
  const sender = doc.getElementsByTagNameNS(EDXML_NS, 'From')[0]?.getElementsByTagNameNS(EDXML_NS, 'OrganId')[0]?.textContent?.trim();
  if (!sender) throw fieldInvalid('Status/From/OrganId', 'thiếu (missing)');
  const certificate = await senderCertificate(sender);
  if (!certificate) throw new EdxmlRefusal('EDXML_SENDER_UNKNOWN', `Cơ quan gửi ${sender} không có trong danh bạ hoặc chưa có chứng thư số`, 'Status/From/OrganId');
  return readStatus(verifyEnvelope(text, doc, certificate).documentElement as unknown as Element);
}
