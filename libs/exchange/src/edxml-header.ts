/**
 * The edXML message header of QCVN 102:2016/BTTTT, as this product reads and writes it. Field names
 * follow the standard's elements (MessageHeader/From/OrganId …) in camel case; dates are calendar
 * dates `YYYY-MM-DD` in Vietnam's time zone, as printed on the document.
 */
export interface EdxmlOrgan {
  organId: string;
  organName: string;
  organizationInCharge?: string;
  organAdd?: string;
  email?: string;
  telephone?: string;
  fax?: string;
  website?: string;
}

/** 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ. */
export type EdxmlPriority = 0 | 1 | 2 | 3 | 4;

/** 0 không chỉ đạo (for information), 1 chỉ đạo, 2 báo cáo (the steering type of QCVN 102). */
export type EdxmlSteeringType = 0 | 1 | 2;

export interface EdxmlResponseFor {
  organId: string;
  code: string;
  promulgationDate: string;
  documentId: string;
}

export interface EdxmlHeader {
  from: EdxmlOrgan;
  to: EdxmlOrgan[];
  /** Mã định danh văn bản: unique per sender; the package id every step is idempotent on. */
  documentId: string;
  code: { number: string; notation: string };
  promulgation: { place: string; date: string };
  /** `type` 1 văn bản hành chính, 2 văn bản quy phạm pháp luật; `name` the kind (Quyết định, Công văn…). */
  documentType: { type: number; name: string };
  subject: string;
  content?: string;
  signer: { competence?: string; position: string; fullName: string };
  dueDate?: string;
  toPlaces: string[];
  otherInfo: { priority: EdxmlPriority; pageAmount?: number; promulgationAmount?: number; appendixes: string[] };
  responseFor?: EdxmlResponseFor;
  steeringType: EdxmlSteeringType;
  /** Nghiệp vụ (edxml-business.ts): absent for a new document. */
  business?: EdxmlBusiness;
}

/** 0 new, 1 revoked, 2 update of a document sent before (same DocumentId), 3 replacement of others. */
export type EdxmlBusinessDocType = 0 | 1 | 2 | 3;

export interface EdxmlBusiness {
  docType: EdxmlBusinessDocType;
  /** Why it is updated or replaced (BussinessDocReason). */
  reason?: string;
  /** ReplacementInfoList: the DocumentIds replaced, each with the recipients it is replaced for. */
  replaces: { documentId: string; organIds: string[] }[];
}

/** One hop the package passed (TraceHeaderList): who handed it on, and when. */
export interface EdxmlTrace {
  organId: string;
  timestamp: string;
}

/** A file carried with the package: the signed PDF byte for byte, then the appendices. */
export interface EdxmlAttachment {
  name: string;
  contentType: string;
  bytes: Buffer;
}

/** What the manifest says of one attachment; the parser checks the bytes against it. */
export interface EdxmlAttachmentEntry {
  contentId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}
