import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { Actor } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import { verifyBag } from './bagit';
import { HandoverPackageService } from './handover-package.service';
import { HandoverService } from './handover.service';

export interface PackageDownload {
  fileName: string;
  oxum: string;
  stream: Readable;
}

/**
 * A package as a tar stream (`tar` in its own process, streamed from disk), after its bag was
 * verified whole: a package that no longer matches its manifest is not given out as if it did.
 */
@Injectable()
export class HandoverDownloadService {
  private readonly logger = new Logger(HandoverDownloadService.name);

  constructor(
    private readonly handovers: HandoverService,
    private readonly packages: HandoverPackageService,
  ) {}

  async tar(actor: Actor, handoverId: string, recordId: string): Promise<PackageDownload> {
    const { lines } = await this.handovers.detail(actor, handoverId);
    const line = lines.find((l) => l.record.id === recordId)?.line;
    if (!line) throw AppError.notFound('hồ sơ trong danh mục nộp lưu (record on the list)');
    if (!line.packagePath) throw AppError.conflict('HANDOVER_PACKAGE_NOT_READY', 'Gói nộp lưu của hồ sơ chưa được tạo (the package is not written yet)');
    const [parent, name] = [join(this.packages.root, handoverId), line.packagePath.slice(handoverId.length + 1)];
    const report = await verifyBag(join(parent, name));
    if (!report.ok) {
      this.logger.error({ handoverId, recordId, problems: report.problems.slice(0, 20) }, 'hand-over package fails its manifest');
      // A conflict between the package and its manifest, not a fault of the server: 409 with the reason.
      throw AppError.conflict('HANDOVER_PACKAGE_DAMAGED', `Gói nộp lưu không khớp bảng kê (the package no longer matches its manifest): ${report.problems.slice(0, 3).join('; ')}`);
    }
    const child = spawn('tar', ['--create', '--format=pax', '--sort=name', '--directory', parent, '--', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => this.logger.warn({ handoverId, recordId, tar: chunk.toString().slice(0, 300) }, 'tar wrote to stderr'));
    // A tar that cannot start (not installed) must end the answer, not the process (an unhandled 'error').
    child.once('error', (error) => {
      this.logger.error({ handoverId, recordId, error: String(error) }, 'tar could not run');
      child.stdout.destroy(error);
    });
    child.stdout.once('close', () => child.kill());
    return { fileName: `${name}.tar`, oxum: report.oxum, stream: child.stdout };
  }
}
