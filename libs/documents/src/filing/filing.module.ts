import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates';
import { IncomingModule } from '../incoming';
import { OutgoingModule } from '../outgoing';
import { ViewsModule } from '../views';
import { ArchivalEvidence } from './archival-evidence.service';
import { CompanionFilesRepository } from './companion-files.repository';
import { FilableDocuments } from './filable-documents.service';

/** What records (libs/records) may file: finished documents of either flow, with their signatures and access history as evidence. */
@Module({
  imports: [IncomingModule, OutgoingModule, CertificatesModule, ViewsModule],
  providers: [FilableDocuments, ArchivalEvidence, CompanionFilesRepository],
  exports: [FilableDocuments, ArchivalEvidence],
})
export class FilingModule {}
