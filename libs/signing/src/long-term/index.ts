// Long-term validity (PAdES B-T, B-LT, B-LTA): one module so that lazy-steps loads it on first use.
export { timestampLastSignature } from './signature-timestamp';
export { addValidationData } from './validation-data';
export { addDocumentTimestamp } from './document-timestamp';
