// libs/exchange: edXML packages and status messages of QCVN 102 (build, sign, parse, verify).
// Pure: XML, bytes, keys and certificates in; XML, bytes and refusals out. No database, no HTTP,
// no other library — the documents library's exchange area stores and sends what this builds.
export * from './edxml-header';
export * from './edxml-errors';
export { DEFAULT_BOUNDS, EDXML_NS, FIELD_LENGTHS, type EdxmlBounds } from './edxml-limits';
export { checkOrganId, vietnamToday } from './edxml-rules';
export { buildPackage, parsePackage, type BuiltPackage, type ParsedPackage, type ParseOptions } from './edxml-package';
export { buildStatus, parseStatus, STATUS_CODES, type EdxmlStatus, type StatusCode } from './edxml-status';
export type { EnvelopeSigner } from './xml-signature';
export { authenticatedRefusal, type AuthenticatedRefusal } from './edxml-refused';
export { BUSINESS_DOC_TYPE } from './edxml-business';
