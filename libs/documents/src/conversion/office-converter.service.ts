import { copyFile, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, AppError, CommandTimeoutError, runCommand, withTempDir } from '@eoffice/core';
import { hasOfficeSignature, OFFICE_FORMATS, OfficeExtension } from './office-formats';

export interface OfficeFile {
  path: string;
  extension: OfficeExtension;
}

/**
 * Turns a word-processing file (docx, odt, doc, rtf) into PDF with LibreOffice headless. Each
 * conversion gets its own LibreOffice profile and directory, so conversions running at the same
 * time (worker concurrency, several workers on one machine) never share a lock or a profile, and
 * a hung LibreOffice is killed with all its helpers when the time is up.
 */
@Injectable()
export class OfficeConverter {
  private readonly logger = new Logger(OfficeConverter.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async toPdf(input: OfficeFile, options?: { timeoutMs?: number }): Promise<Buffer> {
    const timeoutMs = options?.timeoutMs ?? this.config.CONVERSION_TIMEOUT_SECONDS * 1000;
    if (!(await this.startsWithSignature(input))) throw conversionFailed(input.extension);
    return withTempDir('convert', async (dir) => {
      // A fixed name: LibreOffice names its output after the input and puts a lock file beside it.
      const source = join(dir, `input.${input.extension}`);
      await copyFile(input.path, source);
      const stderr = await this.runLibreOffice(dir, source, input.extension, timeoutMs);
      const pdf = await readFile(join(dir, 'out', 'input.pdf')).catch(() => null);
      if (!pdf || !pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
        this.logger.warn({ extension: input.extension, stderr }, 'LibreOffice made no PDF');
        throw conversionFailed(input.extension);
      }
      return pdf;
    });
  }

  private async runLibreOffice(dir: string, source: string, extension: OfficeExtension, timeoutMs: number): Promise<string> {
    const args = [
      '--headless',
      '--norestore',
      '--nologo',
      '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      `--infilter=${OFFICE_FORMATS[extension].importFilter}`,
      '--convert-to',
      'pdf',
      '--outdir',
      join(dir, 'out'),
      source,
    ];
    try {
      // HOME too: nothing of one conversion is left in, or read from, a shared home directory.
      const result = await runCommand(this.config.LIBREOFFICE_PATH, args, { timeoutMs, cwd: dir, env: { PATH: process.env.PATH, HOME: dir } });
      return result.stderr;
    } catch (error) {
      if (error instanceof CommandTimeoutError) {
        throw new AppError(
          422,
          'CONVERSION_TIMEOUT',
          `Chuyển tệp sang PDF quá thời gian cho phép (${Math.ceil(timeoutMs / 1000)} giây) (conversion to PDF timed out)`,
        );
      }
      // Not the file's fault (LibreOffice missing, no memory): a plain error, so the job is retried.
      throw new Error(`LibreOffice could not be run as "${this.config.LIBREOFFICE_PATH}"`, { cause: error });
    }
  }

  private async startsWithSignature(input: OfficeFile): Promise<boolean> {
    const handle = await open(input.path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
      return hasOfficeSignature(input.extension, buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  }
}

function conversionFailed(extension: OfficeExtension): AppError {
  return new AppError(
    422,
    'CONVERSION_FAILED',
    `Không chuyển được tệp sang PDF: tệp bị hỏng hoặc không phải tệp ${extension} (LibreOffice could not make a PDF of the file)`,
  );
}
