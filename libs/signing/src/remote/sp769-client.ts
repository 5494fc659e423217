import { randomUUID } from 'node:crypto';
import { base64Field, garbage, postJson, stringField } from './remote-http';
import {
  RemoteCertificate, RemoteProviderSettings, RemoteSigningClient, RemoteSignRequest, RemoteStatus, RemoteTransaction,
} from './remote-signing-client';

const WAITING = new Set(['sig_wait_for_user_confirm', 'pending']);
const REJECTED = new Set(['sig_rejected', 'rejected', 'user_rejected']);
const EXPIRED = new Set(['sig_expired', 'expired', 'timeout']);

/**
 * The Vietnamese remote-signing interface of QĐ 769/QĐ-BTTTT (VNPT SmartCA, the national eSign
 * gateway): every call carries the service provider's id and password (`sp_id`, `sp_password`);
 * `credentials/get_certificate` gives the user's certificate and chain, `signatures/sign` sends the
 * hash with a `doc_id` the user sees and answers a transaction id, and
 * `signatures/sign/{tranId}/status` reports `sig_wait_for_user_confirm` until the user confirms
 * (the signature), rejects, or the confirmation expires.
 */
export class Sp769Client implements RemoteSigningClient {
  readonly protocol = 'sp769' as const;

  constructor(private readonly settings: RemoteProviderSettings) {}

  async certificate(credentialId: string): Promise<RemoteCertificate> {
    const data = await this.call('credentials/get_certificate', { user_id: credentialId, transaction_id: randomUUID() });
    const list = data.user_certificates;
    if (!Array.isArray(list) || list.length === 0) throw garbage('get_certificate.user_certificates is empty');
    const entry = list[0] as Record<string, unknown>;
    const certificate = base64Field(entry, 'cert_data', 'get_certificate.user_certificates[0]');
    const chainData = (entry.chain_data ?? {}) as Record<string, unknown>;
    const chain = ['ca_cert', 'root_cert'].filter((k) => typeof chainData[k] === 'string' && chainData[k]).map((k) => base64Field(chainData, k, 'chain_data'));
    return { certificate, chain };
  }

  async requestSignature(request: RemoteSignRequest): Promise<RemoteTransaction> {
    const data = await this.call('signatures/sign', {
      user_id: request.credentialId,
      transaction_id: randomUUID(),
      transaction_desc: request.description.slice(0, 500),
      sign_files: [{ data_to_be_signed: request.hash.toString('hex'), doc_id: request.documentId, file_type: 'pdf', sign_type: 'hash' }],
    });
    return { transactionId: stringField(data, 'transaction_id', 'signatures/sign.data'), credentialId: request.credentialId, hash: request.hash.toString('base64') };
  }

  async status(transaction: RemoteTransaction): Promise<RemoteStatus> {
    const tranId = encodeURIComponent(transaction.transactionId);
    const { status, json } = await postJson(this.settings, `signatures/sign/${tranId}/status`, this.credentials());
    const data = (json.data ?? {}) as Record<string, unknown>;
    const state = String(data.tran_status ?? json.message ?? '');
    if (status !== 200) throw garbage(`sign status answered HTTP ${status}`);
    if (REJECTED.has(state)) return { state: 'rejected', reason: state };
    if (EXPIRED.has(state)) return { state: 'expired', reason: state };
    const signatures = data.signatures;
    if (Array.isArray(signatures) && signatures.length > 0) {
      return { state: 'signed', signature: base64Field(signatures[0], 'signature_value', 'status.data.signatures[0]') };
    }
    if (WAITING.has(state)) return { state: 'pending' };
    throw garbage(`sign status "${state}" is not a known state`);
  }

  private credentials() {
    return { sp_id: this.settings.clientId, sp_password: this.settings.clientSecret };
  }

  /** A call whose answer must be `status_code` 200; its `data` object. */
  private async call(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { status, json } = await postJson(this.settings, path, { ...this.credentials(), ...body });
    if (status !== 200 || json.status_code !== 200) throw garbage(`${path} answered HTTP ${status}, status_code ${String(json.status_code)}: ${String(json.message ?? '')}`);
    if (!json.data || typeof json.data !== 'object') throw garbage(`${path}.data missing`);
    return json.data as Record<string, unknown>;
  }
}
