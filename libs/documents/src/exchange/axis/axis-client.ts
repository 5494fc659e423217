import { TransportError } from '../exchange-transport';

const TIMEOUT_MS = 60_000;

export interface AxisCredentials {
  url: string;
  systemId: string;
  secret: string;
}

/** `edoc`: an edXML package; `status`: a status message (QCVN 102 §status), both carried as files. */
export type AxisMessageType = 'edoc' | 'status';

/** One entry of `getReceivedEdocList`. */
export interface AxisReceivedEntry {
  docId: string;
  from: string | null;
  to: string | null;
  messageType: string | null;
  status: string | null;
  createdTime: string | null;
}

/** One entry of `getSentEdocList`. */
export interface AxisSentEntry {
  senderDocId: string;
  toCode: string | null;
  messageType: string | null;
  receiveStatus: string | null;
}

/** One agency of `getAgenciesList`: `code` is the QCVN 102 OrganId, `agencyCode` the QĐ 20/2020 code. */
export interface AxisAgency {
  code: string | null;
  agencyCode: string | null;
  name: string;
  mail: string | null;
  phone: string | null;
  fax: string | null;
  address: string | null;
  website: string | null;
}

interface AxisAnswer {
  status?: string;
  ErrorCode?: string;
  ErrorDesc?: string;
  [key: string]: unknown;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null);

/**
 * The client side of the national document axis (trục liên thông văn bản quốc gia), in the shape of
 * the published reference client: every operation is a POST to `<url>/<operation>` whose parameters
 * travel as HTTP headers (with the installation's `systemId` and `secret`), answered with JSON
 * `{status: "OK"|"FAIL", ErrorCode: "0"|…, ErrorDesc, …}`; a package is sent as the bytes of its
 * .edxml file and comes back base64 in `data`. A network failure, a 5xx, 429 or a rejected credential
 * is `retry` (the axis or our configuration is at fault, not the message); an answer that refuses
 * the message itself is `refused`.
 */
export class AxisClient {
  constructor(private readonly credentials: AxisCredentials) {}

  /** Where this client's calls go (the transport's endpoint). */
  get url(): string {
    return this.credentials.url;
  }

  /** `sendEdoc`: the axis keeps the file for each recipient and answers its own id for it. */
  async sendEdoc(from: string, to: string[], messageType: AxisMessageType, file: Buffer): Promise<string> {
    const answer = await this.call('sendEdoc', { from, to: JSON.stringify(to), servicetype: 'eDoc', messagetype: messageType }, file, true);
    const docId = text(answer.DocId);
    if (!docId) throw new TransportError('sendEdoc: the axis answered no DocId', 'retry');
    return docId;
  }

  /** `getReceivedEdocList`: what waits for this system's agencies (`all`: also what was acknowledged, for the reconciliation). */
  async receivedList(messageType: AxisMessageType, all = false): Promise<AxisReceivedEntry[]> {
    const answer = await this.call('getReceivedEdocList', { servicetype: 'eDoc', messagetype: messageType, ...(all ? { status: 'all' } : {}) });
    return this.rows(answer, 'getReceivedEdocList').map((r) => ({
      docId: String(r.docId ?? ''),
      from: text(r.from),
      to: text(r.to),
      messageType: text(r.messageType),
      status: text(r.status),
      createdTime: text(r.created_time),
    })).filter((r) => r.docId);
  }

  /** `getEdoc`: the bytes of one file, as the sender gave them. */
  async getEdoc(docId: string): Promise<Buffer> {
    const answer = await this.call('getEdoc', { docId });
    if (typeof answer.data !== 'string') throw new TransportError(`getEdoc ${docId}: no data`, 'retry');
    return Buffer.from(answer.data, 'base64');
  }

  /** `updateStatus`: the transport acknowledgement — `done` (stored here) or `fail` (refused); until then the axis lists it again. */
  async updateStatus(docId: string, status: 'done' | 'fail'): Promise<void> {
    await this.call('updateStatus', { docid: docId, status });
  }

  /** `getSentEdocList`: what this system's agencies sent, as the axis holds it. */
  async sentList(): Promise<AxisSentEntry[]> {
    const answer = await this.call('getSentEdocList', { servicetype: 'eDoc' });
    return this.rows(answer, 'getSentEdocList').map((r) => ({
      senderDocId: String(r.senderDocId ?? ''),
      toCode: text(r.toCode),
      messageType: text(r.messageType),
      receiveStatus: text(r.receiveStatus),
    })).filter((r) => r.senderDocId);
  }

  /** `getAgenciesList`: the directory of agencies connected to the axis. */
  async agencies(): Promise<AxisAgency[]> {
    const answer = await this.call('getAgenciesList', {});
    return this.rows(answer, 'getAgenciesList').map((r) => ({
      code: text(r.code),
      agencyCode: text(r.agencyCode),
      name: String(r.name ?? ''),
      mail: text(r.mail),
      phone: text(r.phone),
      fax: text(r.fax),
      address: text(r.address),
      website: text(r.website),
    }));
  }

  private rows(answer: AxisAnswer, operation: string): Record<string, unknown>[] {
    if (!Array.isArray(answer.data)) throw new TransportError(`${operation}: the axis answered no list`, 'retry');
    return answer.data.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
  }

  private async call(operation: string, params: Record<string, string>, file?: Buffer, refusable = false): Promise<AxisAnswer> {
    const url = `${this.credentials.url.replace(/\/+$/, '')}/${operation}`;
    const headers = {
      systemId: this.credentials.systemId,
      secret: this.credentials.secret,
      'content-type': file ? 'application/octet-stream' : 'application/json',
      ...params,
    };
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body: file ? new Uint8Array(file) : undefined, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new TransportError(`${operation}: ${error instanceof Error ? error.message : String(error)}`, 'retry');
    }
    const body = await response.text();
    let answer: AxisAnswer;
    try {
      answer = JSON.parse(body) as AxisAnswer;
    } catch {
      throw new TransportError(`${operation}: HTTP ${response.status}, not JSON: ${body.slice(0, 200)}`, 'retry');
    }
    const ok = response.ok && answer.status === 'OK' && String(answer.ErrorCode ?? '0') === '0';
    if (ok) return answer;
    const why = `${operation}: HTTP ${response.status} ${answer.ErrorCode ?? ''} ${answer.ErrorDesc ?? ''}`.trim();
    // The axis read the message and refused it (its own 4xx, or 200 FAIL to sendEdoc): sending it again changes nothing.
    const refused = refusable && ((response.status >= 400 && response.status < 500 && ![401, 403, 429].includes(response.status)) || response.ok);
    throw new TransportError(why, refused ? 'refused' : 'retry');
  }
}
