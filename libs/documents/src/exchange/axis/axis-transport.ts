import { Injectable } from '@nestjs/common';
import { ExchangeRoute, TransportAnswer, TransportError } from '../exchange-transport';
import { AxisConnection } from './axis-connection';
import { AxisRepository } from './axis.repository';

/**
 * Packages and statuses through the national axis: `sendEdoc` with the file's bytes (a package as its
 * .edxml file — the MIME headers, then the multipart body —, a status as its XML), from our agency's
 * OrganId to the recipient's, with that agency's own axis account or else the installation's. The axis's id of the copy is kept with our package, so the
 * reconciliation can find what the axis no longer lists.
 */
@Injectable()
export class AxisTransport {
  constructor(
    private readonly connection: AxisConnection,
    private readonly axis: AxisRepository,
  ) {}

  async sendPackage(contentType: string, body: Buffer, route: ExchangeRoute): Promise<TransportAnswer> {
    const file = Buffer.concat([Buffer.from(`Content-Type: ${contentType}\r\n\r\n`, 'latin1'), body]);
    return this.send(file, route, 'edoc');
  }

  async sendStatus(xml: string, route: ExchangeRoute): Promise<TransportAnswer> {
    return this.send(Buffer.from(xml, 'utf8'), route, 'status');
  }

  private async send(file: Buffer, route: ExchangeRoute, messageType: 'edoc' | 'status'): Promise<TransportAnswer> {
    const client = await this.connection.clientFor(route.from);
    if (!client) throw new TransportError(`the national axis is not configured for ${route.from} (EXCHANGE_AXIS_URL or its agency's axis account)`, 'retry');
    const docId = await client.sendEdoc(route.from, [route.to], messageType, file);
    await this.axis.recordSent({ axisDocId: docId, messageType, from: route.from, to: route.to, documentId: route.documentId, statusCode: route.statusCode ?? null, packageId: route.packageId });
    return { receipt: docId };
  }
}

/** An .edxml file as the axis hands it back: its MIME headers (the Content-Type with the boundary), then the body. */
export function splitEdxmlFile(file: Buffer): { contentType: string; body: Buffer } | null {
  const end = file.indexOf('\r\n\r\n');
  if (end < 0 || end > 4096) return null;
  const headers = file.subarray(0, end).toString('latin1').split('\r\n');
  const contentType = headers.find((h) => /^content-type:/i.test(h))?.replace(/^content-type:\s*/i, '');
  return contentType ? { contentType, body: file.subarray(end + 4) } : null;
}
