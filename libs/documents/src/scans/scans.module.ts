import { Module } from '@nestjs/common';
import { OcrModule } from '../ocr';
import { ScanFiles } from './scan-files.service';
import { ScanRateLimiter } from './scan-rate-limiter.service';
import { ScanService } from './scan.service';

/** Paper scanned at the front desk: upload limits, the stored scan, its searchable PDF. */
@Module({
  imports: [OcrModule],
  providers: [ScanFiles, ScanRateLimiter, ScanService],
  exports: [ScanFiles, ScanRateLimiter, ScanService],
})
export class ScansModule {}
