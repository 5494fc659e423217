import type { OrganisationScope } from '@eoffice/accounts';
import type { FileService, StoredFile } from '@eoffice/core';
import type { CompanionFile, FilableDocument } from '@eoffice/documents';
import type { FileRecord } from '../entities/file-record.entity';
import type { RecordDocument } from '../entities/record-document.entity';
import { buildRecordIndex, documentKey, IndexedFile, RecordIndex } from './record-index';

/**
 * The record's index and the stored file behind each of its file names (the documents' PDFs and
 * their companions), with one query for every stored file: shared by the export and the package,
 * which carry the same files under the same names.
 */
export async function indexWithFiles(
  files: FileService,
  organisation: OrganisationScope,
  record: FileRecord,
  rows: readonly RecordDocument[],
  documents: readonly FilableDocument[],
  companions: readonly CompanionFile[],
): Promise<{ index: RecordIndex; stored: Map<string, StoredFile> }> {
  const found = new Map(documents.map((d) => [documentKey(d.kind, d.id), d]));
  for (const row of rows) {
    if (!found.get(documentKey(row.documentKind, row.documentId))?.fileId) throw new Error(`record ${record.id}: document ${row.documentKind}/${row.documentId} has no stored PDF`);
  }
  const storedById = await files.getMany([...documents.map((d) => d.fileId!), ...companions.map((c) => c.fileId)]);
  const indexed = new Map<string, IndexedFile>(
    [...storedById.values()].map((f) => [f.id, { sha256: f.sha256, sizeBytes: Number(f.sizeBytes), mimeType: f.mimeType, originalName: f.originalName }]),
  );
  const agency = await organisation.findUnit(record.agencyId);
  const index = buildRecordIndex({ record, agency: { name: agency?.name ?? '', code: agency?.code ?? '' }, rows, documents: found, files: indexed, companions, now: new Date() });
  const stored = new Map(index.documents.flatMap((d) => d.files.map((f) => [f.fileName, storedById.get(f.fileId)!] as const)));
  return { index, stored };
}
