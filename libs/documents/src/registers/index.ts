// Area "registers": what incoming and outgoing (and statistics, through the library's entry point) may use.
export { RegistersModule } from './registers.module';
export * from './register.entity';
export { RegisterRepository } from './register.repository';
export { RegisterNumberingRepository } from './register-numbering.repository';
export * from './register.service';
export * from './voided-number.entity';
export * from './voided-number.service';
export { CONFIDENTIALITY_NOTES, URGENCY_NOTES } from './book/document-notes';
export * from './book/outgoing-register-columns';
export * from './book/register-book-period';
export * from './book/register-book-source';
export * from './book/register-book.service';
