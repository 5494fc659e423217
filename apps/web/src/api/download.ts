// Downloads of the API's reports (XLSX, PDF): the file needs the access token, so it is fetched with
// the session and handed to the browser as a `blob:` link with the name the API gave it.
import { authorizedFetch } from './session-fetch';
import { ApiError } from './problem';

/** `attachment; filename*=UTF-8''...` (or `filename="..."`) → the name; `fallback` without one. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = disposition.match(/filename\*=UTF-8''([^;]+)/i);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // A malformed name: keep ours.
    }
  }
  const plain = disposition.match(/filename="?([^";]+)"?/i);
  return plain ? plain[1].trim() : fallback;
}

/** Fetches `url` with the session and saves it as a file (the browser's download). */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const res = await authorizedFetch(new Request(url));
  if (!res.ok) throw ApiError.from(res.status, await res.json().catch(() => undefined));
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = href;
    link.download = fileNameOf(res.headers.get('Content-Disposition'), fallbackName);
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the blob to the download; a moment later the URL is not needed.
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
}

/** `/path` + the defined values of `query` as a query string. */
export function withQuery(path: string, query: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
