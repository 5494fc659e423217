// Số hóa (POST /scans): page images become one searchable PDF, made by the worker; its progress is
// read from GET /jobs/:id until it ends. The PDF (result.fileId) is then named by the registration
// (metadata.scanFileId) instead of uploading a file again.
import { answer, api } from './client';
import type { components } from './schema';
import { MAX_UPLOAD_BYTES, uploadMultipart } from './upload';

export type Job = components['schemas']['JobDto'];
export type JobAccepted = components['schemas']['JobAcceptedDto'];

/** What a finished scan job answers in `result` (docs/incoming.md). */
export interface ScanResult {
  fileId: string;
  pageCount: number;
}

/** The page images the API takes (ScanTypes without the PDF: a PDF is uploaded as it is). */
export const PAGE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/tiff'];
const PAGE_IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff'];

/** Refused in the browser before upload: not a page image, empty, or over the API's limit. */
export function pageImageProblem(file: File): string | undefined {
  const name = file.name.toLowerCase();
  if (!PAGE_IMAGE_TYPES.includes(file.type) && !PAGE_IMAGE_EXTENSIONS.some((ext) => name.endsWith(ext))) return `${file.name}: chỉ nhận ảnh PNG, JPEG hoặc TIFF.`;
  if (file.size === 0) return `${file.name}: tệp rỗng.`;
  if (file.size > MAX_UPLOAD_BYTES) return `${file.name}: lớn hơn ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`;
  return undefined;
}

/** Sends the pages in order (the `file` part repeated); answers the job to follow. */
export function requestScan(pages: File[], onProgress: (percent: number) => void): Promise<JobAccepted> {
  const form = () => {
    const data = new FormData();
    for (const page of pages) data.append('file', page, page.name);
    return data;
  };
  return uploadMultipart<JobAccepted>('/api/v1/scans', form, onProgress);
}

export const fetchJob = (id: string) => answer(api.GET('/api/v1/jobs/{id}', { params: { path: { id } } }));

/** The scan's PDF once the job completed (result is typed loosely by the API: per job kind). */
export function scanResult(job: Job): ScanResult | undefined {
  const result = job.result as Partial<ScanResult> | null;
  return job.state === 'completed' && typeof result?.fileId === 'string' ? { fileId: result.fileId, pageCount: Number(result.pageCount ?? 0) } : undefined;
}
