import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { BlobStore } from './blob-store';
import { FileReceiver } from './file-receiver.service';
import { FileService } from './file.service';
import { FixityCheck } from './fixity/fixity-check.entity';
import { FixityCheckRepository } from './fixity/fixity-check.repository';
import { FixityService } from './fixity/fixity.service';
import { LocalBlobStore } from './local-blob.store';
import type { S3BlobStore } from './s3-blob.store';
import { StoredFile } from './stored-file.entity';
import { StoredFileRepository } from './stored-file.repository';

function createBlobStore(config: AppConfig): BlobStore {
  if (config.FILE_STORE === 'local') return new LocalBlobStore(config.FILE_STORE_DIR);
  // The S3 client takes ~0.2 s to load: only an installation that stores in S3 loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred load on purpose
  const { S3BlobStore: Store } = require('./s3-blob.store') as { S3BlobStore: typeof S3BlobStore };
  return new Store({
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    bucket: config.S3_BUCKET ?? '',
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([StoredFile, FixityCheck])],
  providers: [
    { provide: BlobStore, inject: [APP_CONFIG], useFactory: createBlobStore },
    StoredFileRepository,
    FixityCheckRepository,
    FileReceiver,
    FileService,
    FixityService,
  ],
  exports: [BlobStore, FileReceiver, FileService, FixityService],
})
export class FilesModule {}
