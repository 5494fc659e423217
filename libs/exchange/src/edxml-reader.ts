import type { EdxmlAttachmentEntry, EdxmlHeader, EdxmlOrgan, EdxmlPriority, EdxmlSteeringType, EdxmlTrace } from './edxml-header';
import { fieldInvalid } from './edxml-errors';
import { type EdxmlBounds, FIELD_LENGTHS as L } from './edxml-limits';
import { checkDate, checkDistinctRecipients, checkEmail, checkNotFuture, checkOrganId } from './edxml-rules';
import { child, children, integer, text } from './xml-read';

function organ(el: Element, path: string): EdxmlOrgan {
  return {
    organId: checkOrganId(text(el, 'OrganId', path, 13, true), `${path}/OrganId`),
    organizationInCharge: text(el, 'OrganizationInCharge', path, L.organizationInCharge, false),
    organName: text(el, 'OrganName', path, L.organName, true),
    organAdd: text(el, 'OrganAdd', path, L.organAdd, false),
    email: checkEmail(text(el, 'Email', path, L.email, false), `${path}/Email`),
    telephone: text(el, 'Telephone', path, L.telephone, false),
    fax: text(el, 'Fax', path, L.fax, false),
    website: text(el, 'Website', path, L.website, false),
  };
}

/** Reads MessageHeader: every required field present, every field within its length, dates real and not in the future. */
export function readMessageHeader(el: Element, bounds: EdxmlBounds, now: Date): EdxmlHeader {
  const p = 'MessageHeader';
  const toElements = children(el, 'To');
  if (toElements.length === 0) throw fieldInvalid(`${p}/To`, 'thiếu nơi nhận (no recipient)');
  if (toElements.length > bounds.maxRecipients) throw fieldInvalid(`${p}/To`, `quá ${bounds.maxRecipients} nơi nhận`);
  const to = toElements.map((t) => organ(t, `${p}/To`));
  checkDistinctRecipients(to.map((t) => t.organId));
  const code = child(el, 'Code', p, true);
  const promulgation = child(el, 'PromulgationInfo', p, true);
  const promulgationDate = checkDate(text(promulgation, 'PromulgationDate', `${p}/PromulgationInfo`, 10, true), `${p}/PromulgationInfo/PromulgationDate`);
  checkNotFuture(promulgationDate, `${p}/PromulgationInfo/PromulgationDate`, now);
  const type = child(el, 'DocumentType', p, true);
  const signer = child(el, 'SignerInfo', p, true);
  const dueDate = text(el, 'DueDate', p, 10, false);
  const toPlaces = child(el, 'ToPlaces', p, false);
  const other = child(el, 'OtherInfo', p, true);
  const appendixes = child(other, 'Appendixes', `${p}/OtherInfo`, false);
  const responseFor = child(el, 'ResponseFor', p, false);
  const rp = `${p}/ResponseFor`;
  return {
    from: organ(child(el, 'From', p, true), `${p}/From`),
    to,
    documentId: text(el, 'DocumentId', p, L.documentId, true),
    code: { number: text(code, 'CodeNumber', `${p}/Code`, L.codeNumber, true), notation: text(code, 'CodeNotation', `${p}/Code`, L.codeNotation, true) },
    promulgation: { place: text(promulgation, 'Place', `${p}/PromulgationInfo`, L.place, true), date: promulgationDate },
    documentType: { type: integer(type, 'Type', `${p}/DocumentType`, 1, 2, true)!, name: text(type, 'TypeName', `${p}/DocumentType`, L.typeName, true) },
    subject: text(el, 'Subject', p, L.subject, true),
    content: text(el, 'Content', p, L.content, false),
    signer: {
      competence: text(signer, 'Competence', `${p}/SignerInfo`, L.competence, false),
      position: text(signer, 'Position', `${p}/SignerInfo`, L.position, true),
      fullName: text(signer, 'FullName', `${p}/SignerInfo`, L.fullName, true),
    },
    dueDate: dueDate === undefined ? undefined : checkDate(dueDate, `${p}/DueDate`),
    toPlaces: toPlaces ? children(toPlaces, 'Place').map((place) => boundedText(place, `${p}/ToPlaces/Place`, L.toPlace)) : [],
    otherInfo: {
      priority: integer(other, 'Priority', `${p}/OtherInfo`, 0, 4, true) as EdxmlPriority,
      promulgationAmount: integer(other, 'PromulgationAmount', `${p}/OtherInfo`, 0, 1_000_000, false),
      pageAmount: integer(other, 'PageAmount', `${p}/OtherInfo`, 0, 100_000, false),
      appendixes: appendixes ? children(appendixes, 'Appendix').map((a) => boundedText(a, `${p}/OtherInfo/Appendixes/Appendix`, L.appendix)) : [],
    },
    responseFor: responseFor
      ? {
          organId: checkOrganId(text(responseFor, 'OrganId', rp, 13, true), `${rp}/OrganId`),
          code: text(responseFor, 'Code', rp, L.codeNumber + L.codeNotation + 1, true),
          promulgationDate: checkDate(text(responseFor, 'PromulgationDate', rp, 10, true), `${rp}/PromulgationDate`),
          documentId: text(responseFor, 'DocumentId', rp, L.documentId, true),
        }
      : undefined,
    steeringType: integer(el, 'SteeringType', p, 0, 2, true) as EdxmlSteeringType,
  };
}

function boundedText(el: Element, path: string, max: number): string {
  const value = el.textContent?.trim() ?? '';
  if (!value) throw fieldInvalid(path, 'trống (empty)');
  if ([...value].length > max) throw fieldInvalid(path, `dài hơn ${max} ký tự`);
  return value;
}

export function readTraces(el: Element | undefined): EdxmlTrace[] {
  if (!el) return [];
  return children(el, 'TraceHeader').map((t) => ({
    organId: checkOrganId(text(t, 'OrganId', 'TraceHeader', 13, true), 'TraceHeader/OrganId'),
    timestamp: text(t, 'Timestamp', 'TraceHeader', 40, true),
  }));
}

export function readManifest(el: Element, bounds: EdxmlBounds): EdxmlAttachmentEntry[] {
  const refs = children(el, 'Reference');
  if (refs.length > bounds.maxAttachments) throw fieldInvalid('Manifest', `quá ${bounds.maxAttachments} tệp đính kèm`);
  return refs.map((r) => {
    const sha256 = text(r, 'DigestValue', 'Manifest/Reference', 64, true);
    if (!/^[A-Za-z0-9+/]{43}=$/.test(sha256)) throw fieldInvalid('Manifest/Reference/DigestValue', 'không phải SHA-256 base64');
    return {
      contentId: text(r, 'ContentId', 'Manifest/Reference', 100, true),
      name: text(r, 'AttachmentName', 'Manifest/Reference', L.attachmentName, true),
      contentType: text(r, 'ContentType', 'Manifest/Reference', 100, true),
      size: integer(r, 'Size', 'Manifest/Reference', 0, bounds.maxPackageBytes, true)!,
      sha256,
    };
  });
}
