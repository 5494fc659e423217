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

/**
 * How a package or a status reaches another agency. One port, several transports: between
 * installations of this product over HTTP(S) (built), the national axis loop (later). The endpoint
 * comes from the agency directory.
 */
export abstract class ExchangeTransport {
  abstract sendPackage(endpoint: string, contentType: string, body: Buffer): Promise<TransportAnswer>;
  abstract sendStatus(endpoint: string, xml: string): Promise<TransportAnswer>;
}
