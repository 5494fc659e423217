import { AppError } from '@eoffice/core';
import type { Confidentiality } from '../marks';

/** A document type of Decree 30 (Art. 7, Phụ lục III) and its abbreviation in the notation. */
export interface DocumentType {
  name: string;
  /** `null` for công văn, whose notation names the issuer and the drafting unit instead. */
  abbreviation: string | null;
}

/**
 * Phụ lục III as written: some abbreviations are mixed case (QyĐ, TTr, CTr) and are kept so.
 * Công văn has no abbreviation; `CV` is a common mistake, not a code.
 */
export const DOCUMENT_TYPES: readonly DocumentType[] = [
  { name: 'Nghị quyết', abbreviation: 'NQ' },
  { name: 'Quyết định', abbreviation: 'QĐ' },
  { name: 'Chỉ thị', abbreviation: 'CT' },
  { name: 'Quy chế', abbreviation: 'QC' },
  { name: 'Quy định', abbreviation: 'QyĐ' },
  { name: 'Thông cáo', abbreviation: 'TC' },
  { name: 'Thông báo', abbreviation: 'TB' },
  { name: 'Hướng dẫn', abbreviation: 'HD' },
  { name: 'Chương trình', abbreviation: 'CTr' },
  { name: 'Kế hoạch', abbreviation: 'KH' },
  { name: 'Phương án', abbreviation: 'PA' },
  { name: 'Đề án', abbreviation: 'ĐA' },
  { name: 'Dự án', abbreviation: 'DA' },
  { name: 'Báo cáo', abbreviation: 'BC' },
  { name: 'Biên bản', abbreviation: 'BB' },
  { name: 'Tờ trình', abbreviation: 'TTr' },
  { name: 'Hợp đồng', abbreviation: 'HĐ' },
  { name: 'Công điện', abbreviation: 'CĐ' },
  { name: 'Bản ghi nhớ', abbreviation: 'BGN' },
  { name: 'Bản thỏa thuận', abbreviation: 'BTT' },
  { name: 'Giấy ủy quyền', abbreviation: 'GUQ' },
  { name: 'Giấy mời', abbreviation: 'GM' },
  { name: 'Giấy giới thiệu', abbreviation: 'GGT' },
  { name: 'Giấy nghỉ phép', abbreviation: 'GNP' },
  { name: 'Phiếu gửi', abbreviation: 'PG' },
  { name: 'Phiếu chuyển', abbreviation: 'PC' },
  { name: 'Phiếu báo', abbreviation: 'PB' },
  { name: 'Công văn', abbreviation: null },
];

const key = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('vi');

/** Finds a type by its name or its abbreviation (`Quyết định` or `QĐ`), or answers 400. */
export function findDocumentType(nameOrAbbreviation: string): DocumentType {
  const wanted = key(nameOrAbbreviation);
  const type = DOCUMENT_TYPES.find((t) => key(t.name) === wanted || (t.abbreviation !== null && key(t.abbreviation) === wanted));
  if (!type) {
    throw AppError.validation(`Loại văn bản không có trong danh mục Nghị định 30 (unknown document type "${nameOrAbbreviation}")`, [
      { field: 'documentType', message: 'not a Decree 30 document type' },
    ]);
  }
  return type;
}

/**
 * Ký hiệu (Decree 30 Phụ lục I II.3.b): `QĐ-SGDĐT` for a typed document; for a công văn the
 * issuer then the drafting unit, `SGDĐT-VP`. A confidential (mật) document is numbered in a series
 * of its own (its own register, Decree 30 Art. 15.2) and its notation ends in `-M`, so `12/QĐ-SGDĐT-M`
 * can never be mistaken for the ordinary `12/QĐ-SGDĐT` (docs/confidential-documents.md).
 */
export function notationFor(type: DocumentType, agencyCode: string, draftingUnitCode: string, confidentiality: Confidentiality = 'normal'): string {
  const notation = type.abbreviation ? `${type.abbreviation}-${agencyCode}` : `${agencyCode}-${draftingUnitCode}`;
  return confidentiality === 'normal' ? notation : `${notation}-${CONFIDENTIAL_NOTATION_SUFFIX}`;
}

export const CONFIDENTIAL_NOTATION_SUFFIX = 'M';
