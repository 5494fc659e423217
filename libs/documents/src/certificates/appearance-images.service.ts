import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, BlobStore, FileService, ReceivedFile } from '@eoffice/core';
import { appearanceImageProblem } from './rules/appearance-image';
import type { CertificateKind } from './signing-certificate.entity';

/** The signature or seal image of a certificate: checked when it arrives, read when signing. */
@Injectable()
export class AppearanceImages {
  constructor(
    private readonly blobs: BlobStore,
    private readonly files: FileService,
  ) {}

  async assertUsable(kind: CertificateKind, image: ReceivedFile): Promise<void> {
    const problem = appearanceImageProblem(kind, await this.read(image.storageKey));
    if (problem) throw new AppError(400, 'IMAGE_INVALID', problem);
  }

  async load(fileId: string, manager?: EntityManager): Promise<Buffer> {
    return this.read((await this.files.get(fileId, manager)).storageKey);
  }

  private async read(storageKey: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.blobs.open(storageKey)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
