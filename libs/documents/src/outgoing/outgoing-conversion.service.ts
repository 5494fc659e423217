import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import {
  AppError, FileService, JobContext, JobName, JobOutbox, JobPayloads, JobRun, JobRunService, MediaType, OnJob, withTempDir,
} from '@eoffice/core';
import { verifyPdfSignatures } from '@eoffice/signing';
import { OfficeConverter, officeExtensionOf } from '../conversion';
import { OutgoingVersionRepository } from './outgoing-version.repository';
import { withSigningErrors } from './signing-errors';

/**
 * The worker's side of a docx/odt draft: LibreOffice makes the PDF the review and the signature
 * work on; the editable original stays beside it. A file LibreOffice cannot convert, or a
 * conversion that hangs, marks the version `failed` with the reason (the author uploads another).
 */
@Injectable()
export class OutgoingConversionService {
  constructor(
    private readonly versions: OutgoingVersionRepository,
    private readonly files: FileService,
    private readonly converter: OfficeConverter,
    private readonly jobRuns: JobRunService,
    private readonly outbox: JobOutbox,
  ) {}

  @OnJob(JobName.outgoingConvertDraft)
  convert({ jobRunId }: JobPayloads[typeof JobName.outgoingConvertDraft], context: JobContext): Promise<Record<string, unknown> | null> {
    return this.jobRuns.track(jobRunId, context, async (run, progress) => {
      try {
        return await this.convertVersion(run, progress);
      } catch (error) {
        const final = error instanceof AppError || context.attempt >= context.maxAttempts;
        if (final) await this.versions.update(String(run.input.versionId), { conversion: 'failed', conversionError: messageOf(error) });
        throw error;
      }
    });
  }

  private async convertVersion(run: JobRun, progress: (percent: number) => Promise<void>): Promise<Record<string, unknown>> {
    const version = await this.versions.findById(String(run.input.versionId));
    if (!version || version.conversion !== 'pending') return { skipped: true };
    const source = await this.files.get(version.sourceFileId);
    const extension = officeExtensionOf(source.mimeType);
    if (!extension) throw new AppError(422, 'CONVERSION_FAILED', 'Tệp dự thảo không phải văn bản chuyển được sang PDF (not a word-processing file)');
    const pdf = await withTempDir('draft', async (dir) => {
      const path = join(dir, `draft.${extension}`);
      await this.files.copyToPath(source, path);
      await progress(10);
      return this.converter.toPdf({ path, extension });
    });
    await progress(80);
    await withSigningErrors(() => verifyPdfSignatures(pdf));
    const name = `${(source.originalName ?? 'du-thao').replace(/\.[^.]+$/, '')}.pdf`;
    const stored = await this.files.recordBytes(pdf, { mimeType: MediaType.pdf, originalName: name }, run.requestedBy);
    await this.outbox.transaction(async (manager) => {
      await this.versions.update(version.id, { pdfFileId: stored.id, conversion: 'done', conversionError: null }, manager);
      // The PDF's words go to search (if this version is still the current one when the job runs).
      await this.outbox.add(manager, JobName.outgoingTextExtract, { documentId: version.documentId });
    });
    return { versionId: version.id, pdfFileId: stored.id, sha256: stored.sha256 };
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
