export * from './documents.module';
export * from './registers/register.entity';
export * from './registers/register.service';
export * from './files/document-file.service';
