import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganisationScope } from '@eoffice/accounts';
import { ScanArrival, ScanArrivals } from '../scans';
import { proposeRegistration } from './intake-proposal';
import { IntakeReceiptService } from './intake-receipt.service';

/** A paper document scanned with POST /scans waits in the agency's intake of the clerk who scanned it. */
@Injectable()
export class IntakeScanArrivals extends ScanArrivals {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisation: OrganisationScope,
    private readonly receipt: IntakeReceiptService,
  ) {
    super();
  }

  async received(scan: ScanArrival): Promise<void> {
    const rows: { unit_id: string }[] = await this.dataSource.query(`SELECT unit_id FROM app_user WHERE id = $1`, [scan.requestedBy]);
    if (rows.length === 0) return;
    const agency = await this.organisation.agencyOf(rows[0].unit_id);
    await this.receipt.receive({
      agencyId: agency.id,
      channel: 'paper',
      sourceId: `scan:${scan.jobRunId}`,
      messageId: null,
      sender: null,
      senderName: null,
      title: scan.name,
      receivedAt: new Date(),
      state: 'waiting',
      flags: [],
      // The receipt reads page 1's header (the scan's OCR text layer) into the proposal.
      proposal: proposeRegistration({ title: null, senderName: null }),
      message: null,
      files: [{ stored: scan.pdf, originalName: scan.name, mimeType: scan.pdf.mimeType, sizeBytes: scan.pdf.sizeBytes, sha256: scan.pdf.sha256, flags: [] }],
    });
  }
}
