// Area "conversion": office files to PDF.
export { ConversionModule } from './conversion.module';
export * from './office-converter.service';
export * from './office-formats';
