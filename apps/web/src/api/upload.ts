// Multipart uploads with a progress bar: fetch cannot report upload progress, XMLHttpRequest can.
// Same rules as the client: the access token from memory, the web client's header, one refresh on 401.
import { currentAccessToken, refreshAccessToken, WEB_CLIENT_HEADERS } from '../session/tokens';
import { ApiError } from './problem';
import type { components } from './schema';

export type Registration = components['schemas']['RegistrationDto'];
export type Incoming = components['schemas']['IncomingDto'];

/** What the register form sends as the `metadata` part (RegisterIncomingDto of the API). */
export interface RegisterMetadata {
  sourceNumberSymbol: string;
  sourceDate: string;
  issuingAuthority: string;
  documentType: string;
  subject: string;
  urgency: 'normal' | 'urgent' | 'very_urgent' | 'flash';
  confidentiality: 'normal' | 'confidential' | 'secret' | 'top_secret';
  receivedVia: 'paper' | 'email' | 'system' | 'edxml';
  dueDate?: string;
  pageCount?: number;
  /** Thời gian hiệu lực: the last day the document is in force, when its text sets one. */
  validUntil?: string;
  /** A PDF made by POST /scans (the job's result.fileId): sent instead of the `scan` part. */
  scanFileId?: string;
}

/** The API's limit (UPLOAD_MAX_BYTES, 50 MiB by default): refused here before a byte is sent. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

function sendOnce(url: string, form: FormData, headers: Record<string, string>, onProgress: (percent: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const token = currentAccessToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries({ ...WEB_CLIENT_HEADERS, ...headers })) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(Math.round((event.loaded / event.total) * 100));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.send(form);
  });
}

export async function uploadMultipart<T>(url: string, makeForm: () => FormData, onProgress: (percent: number) => void, headers: Record<string, string> = {}): Promise<T> {
  let reply = await sendOnce(url, makeForm(), headers, onProgress);
  if (reply.status === 401 && (await refreshAccessToken())) reply = await sendOnce(url, makeForm(), headers, onProgress);
  if (reply.status < 200 || reply.status >= 300) throw ApiError.from(reply.status, reply.body);
  return reply.body as T;
}

export function registerIncoming(metadata: RegisterMetadata, scan: File | undefined, onProgress: (percent: number) => void): Promise<Registration> {
  // One key per form submission: a retry after a lost answer gets the same number, not a second one.
  const key = crypto.randomUUID();
  const form = () => {
    const data = new FormData();
    data.append('metadata', JSON.stringify(metadata));
    if (scan) data.append('scan', scan, scan.name);
    return data;
  };
  return uploadMultipart<Registration>('/api/v1/incoming', form, onProgress, { 'Idempotency-Key': key });
}

export function closeIncoming(id: string, note: string, file: File, onProgress: (percent: number) => void): Promise<Incoming> {
  const form = () => {
    const data = new FormData();
    data.append('result', JSON.stringify({ note }));
    data.append('file', file, file.name);
    return data;
  };
  return uploadMultipart<Incoming>(`/api/v1/incoming/${encodeURIComponent(id)}/close`, form, onProgress);
}

/** The address of a stored file (GET /files/:id). */
export const storedFileUrl = (fileId: string) => `/api/v1/files/${encodeURIComponent(fileId)}`;

/** A file the API answers at `url` as a `blob:` URL the page can show (the browser's PDF viewer); revoke it when done. */
export async function fileObjectUrl(url: string, fetchWithSession: (request: Request) => Promise<Response>): Promise<string> {
  const res = await fetchWithSession(new Request(url));
  if (!res.ok) throw ApiError.from(res.status, await res.json().catch(() => undefined));
  return URL.createObjectURL(await res.blob());
}
