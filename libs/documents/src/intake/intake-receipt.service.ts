import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, FileService, MediaType } from '@eoffice/core';
import { verifyPdfSignatures } from '@eoffice/signing';
import { SigningCertificateService } from '../certificates';
import { SCAN_MIN_DPI } from '../scans';
import { HeaderReader } from './header-reader.service';
import type { Arrival, ArrivalFile } from './intake-arrival';
import { withHeader } from './intake-proposal';
import type { IntakeItem } from './intake-item.entity';
import { IntakeRepository } from './intake.repository';
import { ReceiptVerification, verificationFlag, verifyAtReceipt } from './receipt-verification';

/**
 * Tiếp nhận: an arrival becomes an intake item with its files, in one transaction with its audit
 * entry. Every PDF is checked for signatures first (Decree 30 Art. 21), the report kept with the
 * file; an unsigned or broken PDF flags the item and is never refused. An arrival whose source (or
 * Message-ID) is already in the intake writes nothing: a channel may offer the same one again.
 */
@Injectable()
export class IntakeReceiptService {
  private readonly logger = new Logger(IntakeReceiptService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FileService,
    private readonly audit: AuditService,
    private readonly keyring: SigningCertificateService,
    private readonly items: IntakeRepository,
    private readonly headers: HeaderReader,
  ) {}

  /** The new item; null when the arrival was in the intake already. */
  async receive(received: Arrival): Promise<IntakeItem | null> {
    if (await this.items.sourceSeen(received)) return null;
    const arrival = await this.readPageOne(received);
    const verifications = await this.verifyPdfs(arrival.files);
    const flags = new Set(arrival.flags);
    arrival.files.forEach((file, index) => {
      file.flags.forEach((flag) => flags.add(flag));
      const flag = verifications[index] && verificationFlag(verifications[index].status);
      if (flag) flags.add(flag);
    });
    const item = await this.dataSource.transaction(async (manager) => {
      const created = await this.items.insert(manager, arrival, [...flags]);
      if (!created) return null;
      const messageFile = arrival.message ? await this.files.record(arrival.message, null, manager) : null;
      if (messageFile) await this.items.setMessageFile(manager, created.id, messageFile.id);
      const rows = [];
      for (const [position, file] of arrival.files.entries()) {
        rows.push({ position, fileId: await this.fileIdOf(file, manager), file, verification: verifications[position] ?? null });
      }
      await this.items.insertFiles(manager, created.id, rows);
      await this.audit.record(manager, {
        actorId: null,
        action: 'intake.received',
        entityType: 'intake_item',
        entityId: created.id,
        data: {
          channel: arrival.channel,
          sourceId: arrival.sourceId,
          messageId: arrival.messageId,
          state: arrival.state,
          flags: [...flags],
          files: rows.map((r) => ({ sha256: r.file.sha256, sizeBytes: r.file.sizeBytes, kept: r.fileId !== null, verification: r.verification?.status ?? null })),
        },
      });
      return { ...created, messageFileId: messageFile?.id ?? null };
    });
    if (item) this.logger.log(`intake item ${item.id} from ${arrival.channel} ${arrival.sourceId} (${item.state}${flags.size ? `: ${[...flags].join(', ')}` : ''})`);
    return item;
  }

  /**
   * The document (the first PDF kept) read for the proposal: page 1's header laid over the
   * envelope's proposal (an edXML package's signed header is the sender's own metadata: it wins,
   * and page 1 only fills what it lacks), and a scan below SCAN_MIN_DPI flagged `low_resolution` (item and file).
   * Mail set aside as not a document is not read.
   */
  private async readPageOne(arrival: Arrival): Promise<Arrival> {
    const index = arrival.files.findIndex((file) => (file.stored ?? file.received)?.mimeType === MediaType.pdf);
    if (arrival.state !== 'waiting' || index < 0) return arrival;
    const file = arrival.files[index];
    const kept = (file.stored ?? file.received)!;
    const reading = await this.headers.read(file.bytes ?? (await this.files.readBytes(kept)));
    const proposal = withHeader(arrival.proposal, reading.header, { headerWins: arrival.channel !== 'edxml' });
    if (reading.lowestDpi === null || reading.lowestDpi >= SCAN_MIN_DPI) return { ...arrival, proposal };
    const files = arrival.files.map((f, i) => (i === index ? { ...f, flags: [...f.flags, 'low_resolution'] } : f));
    return { ...arrival, proposal, files, flags: [...arrival.flags, 'low_resolution'] };
  }

  private async fileIdOf(file: ArrivalFile, manager: EntityManager): Promise<string | null> {
    if (file.stored) return file.stored.id;
    if (file.received) return (await this.files.record(file.received, null, manager)).id;
    return null;
  }

  /** One report per kept PDF (by position); nothing for other files. */
  private async verifyPdfs(files: ArrivalFile[]): Promise<(ReceiptVerification | undefined)[]> {
    const trust = await this.keyring.trustOptions();
    const reports: (ReceiptVerification | undefined)[] = [];
    for (const file of files) {
      const kept = file.stored ?? file.received;
      if (!kept || kept.mimeType !== MediaType.pdf) {
        reports.push(undefined);
        continue;
      }
      const bytes = file.bytes ?? (await this.files.readBytes(kept));
      reports.push(verifyAtReceipt(bytes, (pdf) => verifyPdfSignatures(pdf, trust)));
    }
    return reports;
  }
}
