// Test support of libs/documents: Decree 30 page headers as PDFs and as scanner-like images.
export * from './header-page';
export * from './scanned-page';
