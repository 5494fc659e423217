import { AppError, ImageTypes, MediaType } from '@eoffice/core';

/** A scan is one PDF, or page images in page order: the two cannot be mixed in one request. */
export function assertScanInput(mimeTypes: readonly string[], maxPages: number): void {
  const invalid = (message: string) => new AppError(400, 'SCAN_INPUT_INVALID', message, [{ field: 'file', message }]);
  if (mimeTypes.length === 0) throw invalid('Cần ít nhất một tệp quét (at least one file)');
  const pdfs = mimeTypes.filter((type) => type === MediaType.pdf).length;
  if (pdfs > 0 && mimeTypes.length > 1) throw invalid('Gửi một tệp PDF, hoặc các ảnh trang — không trộn lẫn (one PDF, or page images, not both)');
  if (pdfs === 0 && !mimeTypes.every((type) => (ImageTypes as readonly string[]).includes(type))) {
    throw invalid('Ảnh trang phải là PNG, JPEG hoặc TIFF (page images must be PNG, JPEG or TIFF)');
  }
  if (mimeTypes.length > maxPages) {
    throw new AppError(422, 'TOO_MANY_PAGES', `Tối đa ${maxPages} ảnh trang cho một bản quét (too many page images)`);
  }
}
