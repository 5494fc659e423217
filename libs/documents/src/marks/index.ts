// Area "marks": urgency and confidentiality, shared by every area that stores or prints a document.
export type { Confidentiality, Urgency } from './document-marks';
