import { Module } from '@nestjs/common';
import { IncomingModule } from '../incoming';
import { IntakeModule } from '../intake';
import { OutgoingModule } from '../outgoing';
import { ViewsModule } from '../views';
import { DocumentFileService } from './document-file.service';

/** Downloading a document's files, for whoever may see the document, and an intake item's for its agency's clerks (each download recorded as a view). */
@Module({ imports: [IncomingModule, OutgoingModule, ViewsModule, IntakeModule], providers: [DocumentFileService], exports: [DocumentFileService] })
export class FilesModule {}
