import { Injectable } from '@nestjs/common';
import { ExchangeRoute, ExchangeTransport, TransportAnswer } from '../exchange-transport';
import { InstallationTransport } from '../installation-transport';
import { AxisConnection } from './axis-connection';
import { AxisTransport } from './axis-transport';

/**
 * The transport the exchange area is given: each message goes the way its directory entry says —
 * `installation` (a POST to the other installation) or `axis` (the national document axis).
 */
@Injectable()
export class RoutingTransport extends ExchangeTransport {
  constructor(
    private readonly installation: InstallationTransport,
    private readonly axis: AxisTransport,
    private readonly connection: AxisConnection,
  ) {
    super();
  }

  /** Through the axis: the address of the account the sending agency uses, or null when it has none. */
  override async endpointFor(kind: string | null, url: string | null, from?: string | null): Promise<string | null> {
    if (kind === 'axis') return from ? this.connection.endpointOf(from) : null;
    return super.endpointFor(kind, url);
  }

  sendPackage(endpoint: string, contentType: string, body: Buffer, route?: ExchangeRoute): Promise<TransportAnswer> {
    if (route?.kind !== 'axis') return this.installation.sendPackage(endpoint, contentType, body);
    return this.axis.sendPackage(contentType, body, route);
  }

  sendStatus(endpoint: string, xml: string, route?: ExchangeRoute): Promise<TransportAnswer> {
    if (route?.kind !== 'axis') return this.installation.sendStatus(endpoint, xml);
    return this.axis.sendStatus(xml, route);
  }
}
