// Area "filing": the documents' side of records.
export { FilingModule } from './filing.module';
export * from './archival-evidence.service';
export * from './filable-documents.service';
