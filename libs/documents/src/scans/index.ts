// Area "scans": scanned paper before it becomes an incoming document.
export { ScansModule } from './scans.module';
export { pdfNameFor, ScanFiles } from './scan-files.service';
export * from './scan.service';
export * from './scan-rate-limiter.service';
export * from './scan-arrivals';
