// The document's PDF in the browser's own viewer. The file needs the access token, so it is fetched
// with the session and shown from a `blob:` URL (allowed by the page's CSP: frame-src blob:).
import { Alert, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { authorizedFetch } from '../api/client';
import { messageOf } from '../api/problem';
import { fileObjectUrl } from '../api/upload';

/** `url`: an API address answering the PDF (storedFileUrl, /outgoing/:id/pdf); a new url reloads it. */
export function PdfViewer({ url: source, title }: { url: string; title: string }) {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let made: string | undefined;
    let cancelled = false;
    fileObjectUrl(source, authorizedFetch).then(
      (u) => (cancelled ? URL.revokeObjectURL(u) : setUrl((made = u))),
      (e) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [source]);
  if (error) return <Alert type="error" title={`Không mở được tệp: ${messageOf(error)}`} />;
  if (!url) return <Spin />;
  // Phone browsers show no PDF inside a page: the link opens it in the phone's own viewer (and gives a
  // full-screen view on a computer). On a narrow screen the frame is shorter than the screen.
  return (
    <>
      <iframe src={url} title={title} data-testid="pdf-viewer" style={{ width: '100%', height: 'min(640px, 70vh)', border: '1px solid #d9d9d9' }} />
      <a href={url} target="_blank" rel="noreferrer">
        Mở tệp PDF trong cửa sổ mới
      </a>
    </>
  );
}
