/**
 * Why a package or a status was refused. `code` is the machine code the API and the logs carry;
 * `field` names the header element at fault when there is one. The message is Vietnamese first,
 * with the English cause in parentheses, as every error of the product.
 */
export type EdxmlRefusalCode =
  | 'EDXML_TOO_LARGE'
  | 'EDXML_DOCTYPE_REFUSED'
  | 'EDXML_MALFORMED'
  | 'EDXML_FIELD_INVALID'
  | 'EDXML_DUPLICATE_RECIPIENT'
  | 'EDXML_FUTURE_DATE'
  | 'EDXML_SENDER_UNKNOWN'
  | 'EDXML_SIGNATURE_INVALID'
  | 'EDXML_ATTACHMENT_MISMATCH';

export class EdxmlRefusal extends Error {
  constructor(
    readonly code: EdxmlRefusalCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'EdxmlRefusal';
  }
}

export function fieldInvalid(field: string, why: string): EdxmlRefusal {
  return new EdxmlRefusal('EDXML_FIELD_INVALID', `Trường ${field} không hợp lệ (${why})`, field);
}
