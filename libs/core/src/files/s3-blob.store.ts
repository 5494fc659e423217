import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertObjectName, BlobStore, contentKey } from './blob-store';

export interface S3BlobStoreOptions {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

/** S3-compatible object storage (MinIO, Ceph, AWS). Uploads stream in parts; nothing is buffered whole. */
export class S3BlobStore extends BlobStore {
  private readonly client: S3Client;

  constructor(private readonly options: S3BlobStoreOptions) {
    super();
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
    });
  }

  async commit(tempPath: string, sha256: string): Promise<string> {
    const key = contentKey(sha256);
    try {
      if (!(await this.exists(key))) {
        const body = createReadStream(tempPath);
        await new Upload({ client: this.client, params: { Bucket: this.options.bucket, Key: key, Body: body } }).done();
      }
      return key;
    } finally {
      await rm(tempPath, { force: true });
    }
  }

  async open(key: string): Promise<Readable> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
    if (!(out.Body instanceof Readable)) throw new Error(`object ${key} has no body stream`);
    return out.Body;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return true;
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }

  tempDir(): string {
    return join(tmpdir(), 'eoffice-uploads');
  }

  /**
   * `If-None-Match: *` makes the write conditional on the store's side (AWS S3, MinIO, Ceph);
   * the HEAD before it covers stores that ignore the header. For objects nobody with the bucket's
   * credentials can remove either, enable Object Lock on the bucket (docs/audit.md).
   */
  async putOnce(name: string, data: Buffer): Promise<boolean> {
    assertObjectName(name);
    if (await this.exists(name)) return false;
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.options.bucket, Key: name, Body: data, IfNoneMatch: '*', ContentType: 'application/json' }),
      );
      return true;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 412 || status === 409) return false;
      throw error;
    }
  }

  async readObject(name: string): Promise<Buffer | null> {
    assertObjectName(name);
    if (!(await this.exists(name))) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of await this.open(name)) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks);
  }

  async listObjects(prefix: string): Promise<string[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key) names.push(item.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return names;
  }
}
