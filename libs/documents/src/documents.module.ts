import { Module } from '@nestjs/common';
import { AuditModule } from './audit';
import { BackupsModule } from './backups';
import { CertificatesModule } from './certificates';
import { ConversionModule } from './conversion';
import { DeadlinesModule } from './deadlines';
import { DocumentPortsModule } from './document-ports.module';
import { ExchangeModule } from './exchange';
import { FilesModule } from './files';
import { FilingModule } from './filing';
import { IncomingModule } from './incoming';
import { IntakeModule } from './intake';
import { JobsModule } from './jobs';
import { NotificationsModule } from './notifications';
import { OcrModule } from './ocr';
import { OutgoingModule } from './outgoing';
import { RegistersModule } from './registers';
import { ScansModule } from './scans';
import { ViewsModule } from './views';

/** Every area of the library, lowest first (docs/layout.md draws the directions between them). */
const areas = [
  DeadlinesModule,
  ConversionModule,
  OcrModule,
  ScansModule,
  JobsModule,
  RegistersModule,
  ViewsModule,
  CertificatesModule,
  IncomingModule,
  IntakeModule,
  OutgoingModule,
  ExchangeModule,
  NotificationsModule,
  FilesModule,
  FilingModule,
  AuditModule,
  BackupsModule,
];

/**
 * The documents library as one module for the apps: it only composes the areas (each a module with
 * its own entry point, index.ts) and the ports that let a lower area ask a higher one. What an app
 * may use is what the areas export. AccountsModule is global: OrganisationScope comes from whichever
 * variant the app imports.
 */
@Module({ imports: [...areas, DocumentPortsModule], exports: areas })
export class DocumentsModule {}
