import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../errors/app-error';
import { BlobStore } from './blob-store';
import { FileReceiver } from './file-receiver.service';
import { ReceivedFile } from './received-file';
import { StoredFile } from './stored-file.entity';
import { StoredFileRepository } from './stored-file.repository';

/** Records received files and opens stored ones. Access decisions belong to the caller's domain. */
@Injectable()
export class FileService {
  constructor(
    private readonly files: StoredFileRepository,
    private readonly blobs: BlobStore,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly receiver: FileReceiver,
  ) {}

  /** A stand-alone upload (not yet part of a document), recorded with its audit entry. */
  recordUpload(received: ReceivedFile, uploadedBy: string): Promise<StoredFile> {
    return this.dataSource.transaction(async (manager) => {
      const file = await this.record(received, uploadedBy, manager);
      await this.audit.record(manager, {
        actorId: uploadedBy,
        action: 'file.uploaded',
        entityType: 'stored_file',
        entityId: file.id,
        data: { sha256: file.sha256, sizeBytes: file.sizeBytes, mimeType: file.mimeType, originalName: file.originalName },
      });
      return file;
    });
  }

  /** Pass the caller's transaction manager so the row commits or rolls back with the record that uses it. */
  record(received: ReceivedFile, uploadedBy: string | null, manager?: EntityManager): Promise<StoredFile> {
    return this.files.insert({ ...received, uploadedBy }, manager);
  }

  /** Records bytes the system made (a signed PDF, possibly in parts) in the caller's transaction. */
  async recordBytes(
    bytes: Uint8Array | readonly Uint8Array[],
    meta: { mimeType: string; originalName: string | null },
    createdBy: string | null,
    manager?: EntityManager,
  ): Promise<StoredFile> {
    return this.record(await this.receiver.receiveBytes(bytes, meta), createdBy, manager);
  }

  /** Pass the manager inside a transaction: a pool read there waits for a second connection (DB_POOL_GUARD). */
  async get(id: string, manager?: EntityManager): Promise<StoredFile> {
    const file = await this.find(id, manager);
    if (!file) throw AppError.notFound('tệp (file)');
    if (file.destroyedAt) throw new AppError(410, 'FILE_DESTROYED', 'Tệp đã bị tiêu hủy cùng hồ sơ hết thời hạn bảo quản (the file was destroyed with its record)');
    return file;
  }

  /** Each of these files by id, in one query; a missing one is a 404 as in `get`. */
  async getMany(ids: readonly string[]): Promise<Map<string, StoredFile>> {
    const found = new Map((await this.files.findByIds(ids)).map((f) => [f.id, f]));
    if (ids.some((id) => !found.has(id))) throw AppError.notFound('tệp (file)');
    return found;
  }

  /** Which of these storage keys some record still refers to (the orphan collector keeps those). */
  referencedKeys(keys: string[]): Promise<Set<string>> {
    return this.files.referencedKeys(keys);
  }

  find(id: string, manager?: EntityManager): Promise<StoredFile | null> {
    return this.files.findById(id, manager);
  }

  open(file: StoredFile): Promise<Readable> {
    return this.blobs.open(file.storageKey);
  }

  /** The whole file in memory: for PDFs the signing library works on (tens of MB at most). */
  async readBytes(fileOrId: Pick<StoredFile, 'storageKey'> | string, manager?: EntityManager): Promise<Buffer> {
    const { storageKey } = typeof fileOrId === 'string' ? await this.get(fileOrId, manager) : fileOrId;
    const chunks: Buffer[] = [];
    for await (const chunk of await this.blobs.open(storageKey)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** The stored bytes' path for a tool that only reads them (a local store), else null: copy them out with `copyToPath`. */
  localPath(file: Pick<StoredFile, 'storageKey'>): string | null {
    return this.blobs.localPath(file.storageKey);
  }

  /** A local copy for tools that need a path (LibreOffice, tesseract, poppler). */
  async copyToPath(file: Pick<StoredFile, 'storageKey'>, path: string): Promise<void> {
    await pipeline(await this.blobs.open(file.storageKey), createWriteStream(path, { flags: 'wx' }));
  }
}
