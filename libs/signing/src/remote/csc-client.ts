import { base64Field, garbage, postJson, stringField } from './remote-http';
import {
  RemoteBatchRequest, RemoteBatchSigning, RemoteBatchStatus, RemoteBatchTransaction, RemoteCertificate, RemoteProviderSettings, RemoteSigningClient,
  RemoteSignRequest, RemoteStatus, RemoteTransaction,
} from './remote-signing-client';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const SHA256_WITH_RSA_OID = '1.2.840.113549.1.1.11';
/** CSC errors that mean the signer said no, and those that mean the time ran out. */
const REJECTED = new Set(['access_denied', 'rejected']);
const EXPIRED = new Set(['expired_token', 'expired', 'timeout']);

/**
 * Cloud Signature Consortium API (v1/v2 shape, as Viettel MySign offers it): `auth/login` with the
 * client credentials gives a bearer token; `credentials/list` and `credentials/info` give the
 * certificate; `credentials/authorize` with the hash and a description the signer sees asks for the
 * signer's confirmation, answered at once with a SAD or, asynchronously, with a `responseID` that
 * `credentials/authorizeCheck` reports on; `signatures/signHash` turns the SAD into the signature.
 * Several hashes may go in one authorisation (`numSignatures`): one confirmation signs them all.
 */
export class CscClient implements RemoteSigningClient {
  readonly protocol = 'csc' as const;
  readonly batch: RemoteBatchSigning = {
    requestSignatures: (request) => this.requestSignatures(request),
    status: (transaction) => this.batchStatus(transaction),
  };
  private token: string | null = null;

  constructor(private readonly settings: RemoteProviderSettings) {}

  async certificate(credentialId: string): Promise<RemoteCertificate> {
    const list = await this.call('credentials/list', {});
    const ids = list.credentialIDs;
    if (!Array.isArray(ids)) throw garbage('credentials/list.credentialIDs missing');
    if (!ids.includes(credentialId)) throw garbage(`credential ${credentialId} is not listed for this client`);
    const info = await this.call('credentials/info', { credentialID: credentialId, certificates: 'chain', certInfo: false });
    const certificates = (info.cert as Record<string, unknown> | undefined)?.certificates;
    if (!Array.isArray(certificates) || certificates.length === 0) throw garbage('credentials/info.cert.certificates missing');
    const [certificate, ...chain] = certificates.map((_, i) => base64Field(certificates, String(i), 'credentials/info.cert.certificates'));
    return { certificate, chain };
  }

  async requestSignature(request: RemoteSignRequest): Promise<RemoteTransaction> {
    const { hashes: [hash], signatures, transactionId } = await this.requestSignatures({ ...request, hashes: [request.hash] });
    return { transactionId, credentialId: request.credentialId, hash, ...(signatures ? { signature: signatures[0] } : {}) };
  }

  async status(transaction: RemoteTransaction): Promise<RemoteStatus> {
    const { signature, hash, ...rest } = transaction;
    const status = await this.batchStatus({ ...rest, hashes: [hash], ...(signature ? { signatures: [signature] } : {}) });
    return status.state === 'signed' ? { state: 'signed', signature: status.signatures[0] } : status;
  }

  /** One `credentials/authorize` for every hash (`numSignatures` = their count): one confirmation on the phone. */
  private async requestSignatures(request: RemoteBatchRequest): Promise<RemoteBatchTransaction> {
    const hashes = request.hashes.map((h) => h.toString('base64'));
    const answer = await this.call('credentials/authorize', {
      credentialID: request.credentialId,
      numSignatures: hashes.length,
      hashes,
      hashAlgorithmOID: SHA256_OID,
      description: `${request.documentId}: ${request.description}`.slice(0, 500),
      clientData: request.documentId,
    });
    if (typeof answer.SAD === 'string') {
      // A provider that needs no confirmation on the phone: sign at once.
      const signatures = await this.signHash(request.credentialId, answer.SAD, hashes);
      return { transactionId: `sad-${request.documentId}-${Date.now()}`, credentialId: request.credentialId, hashes, signatures: signatures.map((b) => b.toString('base64')) };
    }
    return { transactionId: stringField(answer, 'responseID', 'credentials/authorize'), credentialId: request.credentialId, hashes };
  }

  private async batchStatus(transaction: RemoteBatchTransaction): Promise<RemoteBatchStatus> {
    if (transaction.signatures) return { state: 'signed', signatures: transaction.signatures.map((s) => Buffer.from(s, 'base64')) };
    const check = await this.call('credentials/authorizeCheck', { responseID: transaction.transactionId }, true);
    const error = typeof check.error === 'string' ? check.error : null;
    if (error && REJECTED.has(error)) return { state: 'rejected', reason: String(check.error_description ?? error) };
    if (error && EXPIRED.has(error)) return { state: 'expired', reason: String(check.error_description ?? error) };
    if (error) throw garbage(`credentials/authorizeCheck error ${error}`);
    if (check.status === 'pending') return { state: 'pending' };
    if (check.status === 'denied') return { state: 'rejected', reason: 'denied by the signer' };
    if (check.status === 'expired') return { state: 'expired', reason: 'the confirmation expired' };
    const sad = stringField(check, 'SAD', 'credentials/authorizeCheck');
    return { state: 'signed', signatures: await this.signHash(transaction.credentialId, sad, transaction.hashes) };
  }

  /** `signatures/signHash` for every hash the SAD covers: one signature per hash, in the order sent. */
  private async signHash(credentialId: string, sad: string, hashes: string[]): Promise<Buffer[]> {
    const answer = await this.call('signatures/signHash', {
      credentialID: credentialId, SAD: sad, hashes, hashAlgorithmOID: SHA256_OID, signAlgo: SHA256_WITH_RSA_OID,
    });
    const signatures = answer.signatures;
    if (!Array.isArray(signatures) || signatures.length !== hashes.length) {
      throw garbage(`signatures/signHash.signatures must hold ${hashes.length} signature${hashes.length === 1 ? '' : 's'}`);
    }
    return signatures.map((_, i) => base64Field(signatures, String(i), 'signatures/signHash.signatures'));
  }

  /** A call with the bearer token (logging in first); an OAuth-style error answer is returned when `errorsAnswer`, else thrown. */
  private async call(path: string, body: unknown, errorsAnswer = false): Promise<Record<string, unknown>> {
    const token = await this.login();
    const { status, json } = await postJson(this.settings, path, body, { authorization: `Bearer ${token}` });
    if (status >= 200 && status < 300) return json;
    if (errorsAnswer && status === 400 && typeof json.error === 'string') return json;
    throw garbage(`${path} answered HTTP ${status}${typeof json.error === 'string' ? ` (${json.error})` : ''}`);
  }

  private async login(): Promise<string> {
    if (this.token) return this.token;
    const basic = Buffer.from(`${this.settings.clientId}:${this.settings.clientSecret}`).toString('base64');
    const { status, json } = await postJson(this.settings, 'auth/login', { rememberMe: false }, { authorization: `Basic ${basic}` });
    if (status !== 200) throw garbage(`auth/login answered HTTP ${status}`);
    this.token = stringField(json, 'access_token', 'auth/login');
    return this.token;
  }
}
