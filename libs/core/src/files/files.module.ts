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
import { S3BlobStore } from './s3-blob.store';
import { StoredFile } from './stored-file.entity';
import { StoredFileRepository } from './stored-file.repository';

function createBlobStore(config: AppConfig): BlobStore {
  if (config.FILE_STORE === 'local') return new LocalBlobStore(config.FILE_STORE_DIR);
  return new S3BlobStore({
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
