import type { StoredFile } from '@eoffice/core';

/** A finished scan: the searchable PDF of one POST /scans job. */
export interface ScanArrival {
  jobRunId: string;
  requestedBy: string;
  pdf: StoredFile;
  pageCount: number;
  /** The name the clerk knows it by (the first page's file name, as a PDF). */
  name: string;
}

/**
 * Port: a finished scan is an arrival for the intake (văn bản chờ vào sổ). Owned here and
 * implemented by the intake area, which sits above incoming (document-ports.module.ts binds it).
 * Called by the job before it completes: a failure retries the job, and the intake is idempotent
 * on the job's id, so a scan makes one item.
 */
export abstract class ScanArrivals {
  abstract received(scan: ScanArrival): Promise<void>;
}
