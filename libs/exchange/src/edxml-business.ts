import type { EdxmlBusiness, EdxmlBusinessDocType } from './edxml-header';
import { fieldInvalid } from './edxml-errors';
import { FIELD_LENGTHS } from './edxml-limits';
import { checkOrganId } from './edxml-rules';
import { child, children, integer, text } from './xml-read';
import { element, group } from './xml-text';

/**
 * Nghiệp vụ liên thông (`Bussiness`, spelled so by the standard's schema) — what kind of document a
 * package is: new, revoked, an update of one sent before, or the replacement of one.
 *
 * ASSUMED, in this one file (docs/exchange.md "Replacement and update packages"): the element names
 * and the numbering are those of the edXML SDKs published for the national axis, not read from the
 * QCVN 102:2016 text itself — `Bussiness` sits in `TraceHeaderList`, with `DocumentId`,
 * `BussinessDocType` (0 new, 1 revoked/thu hồi, 2 updated/cập nhật, 3 replacing/thay thế),
 * `BussinessDocReason` and `ReplacementInfoList/ReplacementInfo` (`DocumentId`,
 * `OrganIdList/OrganId`). Recalls travel as status 13 here, so type 1 is read but never written.
 */
export const BUSINESS_DOC_TYPE = { new: 0, revoked: 1, updated: 2, replacing: 3 } as const satisfies Record<string, EdxmlBusinessDocType>;

const E = {
  business: 'Bussiness',
  documentId: 'DocumentId',
  docType: 'BussinessDocType',
  reason: 'BussinessDocReason',
  replacementList: 'ReplacementInfoList',
  replacement: 'ReplacementInfo',
  organIdList: 'OrganIdList',
  organId: 'OrganId',
} as const;

const REASON_MAX = 500;
const MAX_REPLACED = 50;

export function businessXml(documentId: string, b: EdxmlBusiness | undefined): string {
  if (!b) return '';
  return group(E.business, [
    element(E.documentId, documentId),
    element(E.docType, b.docType),
    element(E.reason, b.reason),
    b.replaces.length
      ? group(E.replacementList, b.replaces.map((r) => group(E.replacement, [element(E.documentId, r.documentId), group(E.organIdList, r.organIds.map((o) => element(E.organId, o)))])))
      : '',
  ]);
}

/** Reads `Bussiness` from the trace list; a package without one is a new document (type 0). */
export function readBusiness(traceList: Element | undefined, documentId: string): EdxmlBusiness | undefined {
  const el = traceList ? child(traceList, E.business, 'TraceHeaderList', false) : undefined;
  if (!el) return undefined;
  const p = `TraceHeaderList/${E.business}`;
  const ownId = text(el, E.documentId, p, FIELD_LENGTHS.documentId, false);
  if (ownId !== undefined && ownId !== documentId) throw fieldInvalid(`${p}/${E.documentId}`, 'khác DocumentId của gói tin (not the package DocumentId)');
  const docType = integer(el, E.docType, p, 0, 3, true) as EdxmlBusinessDocType;
  const list = child(el, E.replacementList, p, false);
  const infos = list ? children(list, E.replacement) : [];
  if (infos.length > MAX_REPLACED) throw fieldInvalid(`${p}/${E.replacementList}`, `quá ${MAX_REPLACED} văn bản được thay thế`);
  const rp = `${p}/${E.replacementList}/${E.replacement}`;
  const replaces = infos.map((info) => {
    const organs = child(info, E.organIdList, rp, false);
    return {
      documentId: text(info, E.documentId, rp, FIELD_LENGTHS.documentId, true),
      organIds: organs ? children(organs, E.organId).map((o) => checkOrganId(o.textContent?.trim() ?? '', `${rp}/${E.organIdList}/${E.organId}`)) : [],
    };
  });
  if (docType === BUSINESS_DOC_TYPE.replacing && replaces.length === 0) throw fieldInvalid(`${p}/${E.replacementList}`, 'văn bản thay thế phải nêu văn bản được thay thế (a replacement names what it replaces)');
  if (replaces.some((r) => r.documentId === documentId)) throw fieldInvalid(rp, 'văn bản không thể thay thế chính nó');
  return { docType, reason: text(el, E.reason, p, REASON_MAX, false), replaces };
}
