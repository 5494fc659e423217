import type { EdxmlAttachmentEntry, EdxmlHeader, EdxmlOrgan, EdxmlTrace } from './edxml-header';
import { EDXML_NS } from './edxml-limits';
import { element, group } from './xml-text';

function organ(name: 'From' | 'To', o: EdxmlOrgan): string {
  return group(name, [
    element('OrganId', o.organId),
    element('OrganizationInCharge', o.organizationInCharge),
    element('OrganName', o.organName),
    element('OrganAdd', o.organAdd),
    element('Email', o.email),
    element('Telephone', o.telephone),
    element('Fax', o.fax),
    element('Website', o.website),
  ]);
}

export function messageHeaderXml(h: EdxmlHeader): string {
  return group('MessageHeader', [
    organ('From', h.from),
    ...h.to.map((to) => organ('To', to)),
    element('DocumentId', h.documentId),
    group('Code', [element('CodeNumber', h.code.number), element('CodeNotation', h.code.notation)]),
    group('PromulgationInfo', [element('Place', h.promulgation.place), element('PromulgationDate', h.promulgation.date)]),
    group('DocumentType', [element('Type', h.documentType.type), element('TypeName', h.documentType.name)]),
    element('Subject', h.subject),
    element('Content', h.content),
    group('SignerInfo', [element('Competence', h.signer.competence), element('Position', h.signer.position), element('FullName', h.signer.fullName)]),
    element('DueDate', h.dueDate),
    group('ToPlaces', h.toPlaces.map((p) => element('Place', p))),
    group('OtherInfo', [
      element('Priority', h.otherInfo.priority),
      element('PromulgationAmount', h.otherInfo.promulgationAmount),
      element('PageAmount', h.otherInfo.pageAmount),
      group('Appendixes', h.otherInfo.appendixes.map((a) => element('Appendix', a))),
    ]),
    h.responseFor
      ? group('ResponseFor', [
          element('OrganId', h.responseFor.organId),
          element('Code', h.responseFor.code),
          element('PromulgationDate', h.responseFor.promulgationDate),
          element('DocumentId', h.responseFor.documentId),
        ])
      : '',
    element('SteeringType', h.steeringType),
  ]);
}

/** The trace list, then (edxml-business.ts) the package's `Bussiness` when it is not a new document. */
export function traceListXml(traces: EdxmlTrace[], business = ''): string {
  return group('TraceHeaderList', [...traces.map((t) => group('TraceHeader', [element('OrganId', t.organId), element('Timestamp', t.timestamp)])), business]);
}

export function manifestXml(entries: EdxmlAttachmentEntry[]): string {
  return group(
    'Manifest',
    entries.map((e) =>
      group('Reference', [
        element('ContentId', e.contentId),
        element('AttachmentName', e.name),
        element('ContentType', e.contentType),
        element('Size', e.size),
        element('DigestValue', e.sha256),
      ]),
    ),
  );
}

/** The unsigned envelope: header (message header, trace list) and body (the attachments' manifest). */
export function envelopeXml(headerParts: string[], bodyParts: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<edXML:edXMLEnvelope xmlns:edXML="${EDXML_NS}">` +
    group('edXMLHeader', headerParts) +
    group('edXMLBody', bodyParts) +
    `</edXML:edXMLEnvelope>`
  );
}
