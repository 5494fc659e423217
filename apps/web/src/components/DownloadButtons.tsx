// "Tải XLSX" / "Tải PDF": a report fetched with the session and handed to the browser (api/download.ts),
// one button busy at a time, the API's problem shown under the buttons. `target` says what to fetch
// for a format, or nothing when the form around it is not filled in yet (its own messages show).
import { Button, Space } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../api/download';
import { ErrorAlert } from './ErrorAlert';

export type ReportFormat = 'xlsx' | 'pdf';
export interface DownloadTarget {
  url: string;
  /** The name used when the API's answer names none. */
  fallbackName: string;
}

export function DownloadButtons({ target }: { target: (format: ReportFormat) => Promise<DownloadTarget | undefined> | DownloadTarget | undefined }) {
  const [downloading, setDownloading] = useState<ReportFormat>();
  const [error, setError] = useState<unknown>();
  const download = async (format: ReportFormat) => {
    const what = await target(format);
    if (!what) return;
    setDownloading(format);
    setError(undefined);
    try {
      await downloadFile(what.url, what.fallbackName);
    } catch (e) {
      setError(e);
    } finally {
      setDownloading(undefined);
    }
  };
  return (
    <>
      <Space wrap>
        <Button onClick={() => void download('xlsx')} loading={downloading === 'xlsx'}>
          Tải XLSX
        </Button>
        <Button onClick={() => void download('pdf')} loading={downloading === 'pdf'}>
          Tải PDF
        </Button>
      </Space>
      {error !== undefined && (
        // Its own line under the buttons, also inside an inline form.
        <div style={{ flexBasis: '100%', marginTop: 8 }}>
          <ErrorAlert error={error} />
        </div>
      )}
    </>
  );
}
