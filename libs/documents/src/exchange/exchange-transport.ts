/** What the transport answers: delivered (the other side stored it) or why not. */
export interface TransportAnswer {
  /** The receiver's own id for what it stored, when it gives one. */
  receipt: string | null;
}

export class TransportError extends Error {
  /** `retry`: the other side is down or failed (5xx, network); `refused`: it read and refused it (4xx). */
  constructor(
    message: string,
    readonly kind: 'retry' | 'refused',
  ) {
    super(message);
  }
}

/** Who a package or status is from and to, and which of our packages it is: what a transport other than a plain POST needs. */
export interface ExchangeRoute {
  /** The directory entry's endpoint kind (`installation`, `axis`). */
  kind: string | null;
  from: string;
  to: string;
  documentId: string;
  /** Our exchange_package row (the sent package, or for a status the received one). */
  packageId: string;
  statusCode?: string;
}

/**
 * How a package or a status reaches another agency. One port, several transports: between
 * installations of this product over HTTP(S), and the national document axis (docs/exchange.md).
 * The endpoint comes from the agency directory.
 */
export abstract class ExchangeTransport {
  /** Where a message for this directory entry goes, or null when no transport here reaches it. */
  endpointFor(kind: string | null, url: string | null, _from?: string | null): Promise<string | null> {
    return Promise.resolve(kind === 'installation' && url ? url : null);
  }

  abstract sendPackage(endpoint: string, contentType: string, body: Buffer, route?: ExchangeRoute): Promise<TransportAnswer>;
  abstract sendStatus(endpoint: string, xml: string, route?: ExchangeRoute): Promise<TransportAnswer>;
}
