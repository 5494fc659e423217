/** A file whose bytes are safely in the blob store but which no record refers to yet. */
export interface ReceivedFile {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  originalName: string | null;
}

export interface ReceiveOptions {
  maxBytes: number;
  allowedTypes: readonly string[];
  originalName?: string | null;
}
