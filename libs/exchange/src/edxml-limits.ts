/** The edXML namespace of QCVN 102 and XMLDSig's. */
export const EDXML_NS = 'http://www.e-doc.vn/Schema/';
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

/**
 * Field lengths (characters) as the exchange standard's schema gives them; the agency directory keeps
 * names, addresses and contacts within the same bounds, so an entry is always writable.
 */
export const FIELD_LENGTHS = {
  organName: 200,
  organizationInCharge: 200,
  organAdd: 250,
  email: 100,
  telephone: 20,
  fax: 20,
  website: 100,
  documentId: 100,
  codeNumber: 11,
  codeNotation: 30,
  place: 50,
  typeName: 100,
  subject: 500,
  content: 2000,
  competence: 50,
  position: 100,
  fullName: 50,
  toPlace: 1000,
  appendix: 200,
  description: 500,
  attachmentName: 200,
} as const;

/** Size bounds a received package must keep; an oversize package is refused before it is parsed. */
export interface EdxmlBounds {
  /** The whole package as it arrives (envelope and attachments, encoded). */
  maxPackageBytes: number;
  /** The XML envelope alone: a header is a few kilobytes, so a large one is an attack. */
  maxEnvelopeBytes: number;
  maxAttachments: number;
  maxRecipients: number;
}

export const DEFAULT_BOUNDS: EdxmlBounds = {
  maxPackageBytes: 64 * 1024 * 1024,
  maxEnvelopeBytes: 512 * 1024,
  maxAttachments: 50,
  maxRecipients: 500,
};
