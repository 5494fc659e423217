/** Media types the system accepts, detected from the bytes, never from the file name. */
export const MediaType = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  /** Legacy .doc/.xls (OLE compound file); LibreOffice converts them. */
  ole: 'application/x-cfb',
  rtf: 'application/rtf',
} as const;

export type MediaTypeValue = (typeof MediaType)[keyof typeof MediaType];

export const ScanTypes: readonly MediaTypeValue[] = [MediaType.pdf, MediaType.png, MediaType.jpeg, MediaType.tiff];
/** Word-processing files LibreOffice turns into PDF (docx, odt, doc, rtf). */
export const OfficeTypes: readonly MediaTypeValue[] = [MediaType.docx, MediaType.odt, MediaType.ole, MediaType.rtf];
export const ImageTypes: readonly MediaTypeValue[] = [MediaType.png, MediaType.jpeg, MediaType.tiff];
export const AnyDocumentType: readonly MediaTypeValue[] = [
  ...ScanTypes,
  ...OfficeTypes,
  MediaType.xlsx,
  MediaType.ods,
];
