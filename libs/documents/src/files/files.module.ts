import { Module } from '@nestjs/common';
import { IncomingModule } from '../incoming';
import { OutgoingModule } from '../outgoing';
import { ViewsModule } from '../views';
import { DocumentFileService } from './document-file.service';

/** Downloading a document's files, for whoever may see the document (each download recorded as a view). */
@Module({ imports: [IncomingModule, OutgoingModule, ViewsModule], providers: [DocumentFileService], exports: [DocumentFileService] })
export class FilesModule {}
