import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, AppError } from '@eoffice/core';
import { parseCertificate, TrustOptions } from '@eoffice/signing';
import { splitPemCertificates } from './rules/certificate-text';

interface CachedFile<T> {
  version: string;
  value: T;
}

/**
 * The CA certificates signers must chain to (SIGNING_TRUST_ANCHORS, a PEM bundle) and the CRLs
 * (SIGNING_CRL_DIR). Files are re-read when they change, so a new CRL counts without a restart;
 * a configured file that cannot be read stops the process at start and refuses checks later.
 */
@Injectable()
export class TrustStore implements OnApplicationBootstrap {
  private readonly logger = new Logger(TrustStore.name);
  private anchors: CachedFile<string[]> | null = null;
  private readonly crls = new Map<string, CachedFile<Buffer>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Without anchors, certificates are checked for dates and key usage only, not for who issued them. */
  get hasAnchors(): boolean {
    return !!this.config.SIGNING_TRUST_ANCHORS;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { trustAnchors, crls } = await this.trustOptions();
    if (this.hasAnchors) this.logger.log(`Signing trust anchors: ${trustAnchors.length}; CRLs: ${crls?.length ?? 0}`);
  }

  async trustOptions(): Promise<TrustOptions> {
    try {
      return { trustAnchors: await this.readAnchors(), crls: await this.readCrls() };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.logger.error(`Trust anchors or CRLs unreadable: ${detail}`);
      throw new AppError(503, 'TRUST_STORE_UNAVAILABLE', `Không đọc được cấu hình chứng thư tin cậy hoặc CRL (trust anchors or CRLs unreadable: ${detail})`);
    }
  }

  private async readAnchors(): Promise<string[]> {
    const path = this.config.SIGNING_TRUST_ANCHORS;
    if (!path) return [];
    const version = await fileVersion(path);
    if (this.anchors?.version !== version) {
      const pems = splitPemCertificates(await readFile(path, 'utf8'));
      if (pems.length === 0) throw new Error(`${path} holds no PEM certificate`);
      pems.forEach((pem) => parseCertificate(pem)); // a damaged anchor must not pass for the user's fault later
      this.anchors = { version, value: pems };
    }
    return this.anchors.value;
  }

  private async readCrls(): Promise<Buffer[]> {
    const dir = this.config.SIGNING_CRL_DIR;
    if (!dir) return [];
    const entries = await readdir(dir, { withFileTypes: true });
    const paths = entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => join(dir, e.name));
    for (const gone of [...this.crls.keys()].filter((p) => !paths.includes(p))) this.crls.delete(gone);
    const crls: Buffer[] = [];
    for (const path of paths.sort()) {
      const version = await fileVersion(path);
      let cached = this.crls.get(path);
      if (cached?.version !== version) {
        cached = { version, value: await readFile(path) };
        this.crls.set(path, cached);
      }
      crls.push(cached.value);
    }
    return crls;
  }
}

async function fileVersion(path: string): Promise<string> {
  const info = await stat(path);
  return `${info.mtimeMs}:${info.size}`;
}
