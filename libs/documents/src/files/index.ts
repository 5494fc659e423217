// Area "files": document file downloads.
export { FilesModule } from './files.module';
export * from './document-file.service';
