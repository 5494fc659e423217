/**
 * What a remote signing service (chữ ký số từ xa: the certificate and key are held by the CA, the
 * signer confirms on the phone) offers the product, whatever its protocol: the signer's certificate,
 * a request to sign one hash (only the SHA-256 of the signed attributes leaves the server, with a
 * document id the signer sees in the app), and the state of that request. Implemented for the Cloud
 * Signature Consortium API (csc-client.ts) and the Vietnamese sp769 interface (sp769-client.ts).
 */
export type RemoteProtocol = 'csc' | 'sp769';

export interface RemoteCertificate {
  /** DER of the signer's certificate, then of its chain (issuer first), as the provider gave them. */
  certificate: Buffer;
  chain: Buffer[];
}

export interface RemoteSignRequest {
  /** The signer's credential at the provider (CSC credentialID; sp769 user id). */
  credentialId: string;
  /** SHA-256 of the DER signed attributes: the only thing the provider sees of the document. */
  hash: Buffer;
  /** Shown to the signer in the provider's app, so they know what they confirm. */
  documentId: string;
  description: string;
}

/** A request the provider accepted: its transaction id, plus what a later status call needs. */
export interface RemoteTransaction {
  transactionId: string;
  credentialId: string;
  /** Base64 of the hash sent, to check the provider signs exactly that. */
  hash: string;
  /** Base64 signature, when the provider signed at once (no confirmation on the phone). */
  signature?: string;
}

export type RemoteStatus =
  | { state: 'pending' }
  | { state: 'signed'; signature: Buffer }
  | { state: 'rejected'; reason: string }
  | { state: 'expired'; reason: string };

export interface RemoteSigningClient {
  readonly protocol: RemoteProtocol;
  certificate(credentialId: string): Promise<RemoteCertificate>;
  requestSignature(request: RemoteSignRequest): Promise<RemoteTransaction>;
  status(transaction: RemoteTransaction): Promise<RemoteStatus>;
  /**
   * Several hashes under one confirmation of the signer (CSC: `numSignatures` and a `hashes` array
   * on `credentials/authorize`, one `signatures/signHash` for all); absent when the protocol signs
   * one document per transaction (sp769).
   */
  readonly batch?: RemoteBatchSigning;
}

/** Ký hàng loạt: N hashes, one transaction, one confirmation on the phone, N signatures in the order sent. */
export interface RemoteBatchSigning {
  requestSignatures(request: RemoteBatchRequest): Promise<RemoteBatchTransaction>;
  status(transaction: RemoteBatchTransaction): Promise<RemoteBatchStatus>;
}

export interface RemoteBatchRequest {
  credentialId: string;
  hashes: Buffer[];
  /** Shown to the signer: a reference of the batch and what it holds. */
  documentId: string;
  description: string;
}

export interface RemoteBatchTransaction {
  transactionId: string;
  credentialId: string;
  /** Base64 of each hash sent, in order. */
  hashes: string[];
  /** Base64 signatures, when the provider signed at once. */
  signatures?: string[];
}

export type RemoteBatchStatus =
  | { state: 'pending' }
  | { state: 'signed'; signatures: Buffer[] }
  | { state: 'rejected'; reason: string }
  | { state: 'expired'; reason: string };

/** How a client reaches its provider; `fetch` by default, replaceable in tests. */
export type HttpFetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

export interface RemoteProviderSettings {
  protocol: RemoteProtocol;
  /** Base URL of the provider's API, e.g. `https://…/csc/v2` or `https://…/sca/sp769/v1`. */
  baseUrl: string;
  /** Client credentials: from the environment only, never stored in the database. */
  clientId: string;
  clientSecret: string;
  /** One HTTP call may take this long before it counts as the provider not answering. */
  requestTimeoutMs?: number;
  fetch?: HttpFetch;
}
