import { Injectable } from '@nestjs/common';
import { ExchangeTransport, TransportAnswer, TransportError } from './exchange-transport';

const TIMEOUT_MS = 60_000;

/**
 * Between installations of this product: the package is POSTed to the recipient's
 * `<endpoint>/api/v1/exchange/packages`, a status to `…/exchange/statuses`. A 2xx means the
 * other side stored it (it answers only after its commit); a 4xx is a refusal, not retried; anything
 * else (5xx, timeout, refused connection) is retried by the queue with backoff.
 */
@Injectable()
export class InstallationTransport extends ExchangeTransport {
  sendPackage(endpoint: string, contentType: string, body: Buffer): Promise<TransportAnswer> {
    return this.post(`${endpoint.replace(/\/+$/, '')}/api/v1/exchange/packages`, contentType, body);
  }

  sendStatus(endpoint: string, xml: string): Promise<TransportAnswer> {
    return this.post(`${endpoint.replace(/\/+$/, '')}/api/v1/exchange/statuses`, 'application/xml; charset=utf-8', Buffer.from(xml, 'utf8'));
  }

  private async post(url: string, contentType: string, body: Buffer): Promise<TransportAnswer> {
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body), signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new TransportError(`${url}: ${error instanceof Error ? error.message : String(error)}`, 'retry');
    }
    const text = await response.text();
    if (response.ok) {
      const receipt = (() => {
        try {
          return (JSON.parse(text) as { receipt?: string }).receipt ?? null;
        } catch {
          return null;
        }
      })();
      return { receipt };
    }
    throw new TransportError(`${url}: HTTP ${response.status} ${text.slice(0, 300)}`, response.status >= 400 && response.status < 500 && response.status !== 429 ? 'refused' : 'retry');
  }
}
