import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import {
  createDemoCa, createDemoSealPng, createDemoSignaturePng, DemoCertificateRequest, DemoIdentity, exportPkcs12,
  issueDemoCertificate, toPem,
} from '@eoffice/signing';

export const DAY = 86_400_000;
export const PASSPHRASE = 'Mật-khẩu p12 2026';

/** A CA of the test's own (trusted next to the demo CA when one is given); its anchors file and a CRL directory. */
export interface TestTrust {
  ca: DemoIdentity;
  dir: string;
  anchorsFile: string;
  crlDir: string;
}

export function makeTestTrust(demoCaPem?: string): TestTrust {
  const ca = createDemoCa('eOffice Test CA (certificates e2e)');
  const dir = mkdtempSync(join(tmpdir(), 'eoffice-certs-'));
  const anchorsFile = join(dir, 'anchors.pem');
  const crlDir = join(dir, 'crls');
  mkdirSync(crlDir);
  writeFileSync(anchorsFile, `${demoCaPem ? `# demo CA\n${demoCaPem}\n` : ''}# test CA\n${toPem(ca.certificate)}`);
  return { ca, dir, anchorsFile, crlDir };
}

export interface Issued {
  identity: DemoIdentity;
  p12: Buffer;
  passphrase: string;
}

export function issue(ca: DemoIdentity, request: Partial<DemoCertificateRequest> = {}, passphrase = PASSPHRASE): Issued {
  const identity = issueDemoCertificate(ca, { commonName: 'Người Kiểm Thử', ...request });
  return { identity, p12: exportPkcs12(identity, [ca.certificate], passphrase, 'test'), passphrase };
}

export const signaturePng = createDemoSignaturePng();
export const sealPng = createDemoSealPng();

/** A real, opaque (RGB) PNG: what a scanner gives when nobody removed the background. */
export function opaquePng(side = 8): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(side * (1 + side * 3), 0xff);
  for (let y = 0; y < side; y += 1) rows[y * (1 + side * 3)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface UploadFields {
  kind: 'personal' | 'organisation';
  passphrase?: string;
  agencyId?: string;
}

export function certificateForm(fields: UploadFields, p12: Buffer, image: Buffer = signaturePng, imageType = 'image/png'): FormData {
  const form = new FormData();
  form.append('kind', fields.kind);
  if (fields.passphrase !== undefined) form.append('passphrase', fields.passphrase);
  if (fields.agencyId) form.append('agencyId', fields.agencyId);
  form.append('pkcs12', new Blob([new Uint8Array(p12)], { type: 'application/x-pkcs12' }), 'chung-thu.p12');
  form.append('image', new Blob([new Uint8Array(image)], { type: imageType }), 'anh.png');
  return form;
}

export function personalForm(issued: Issued, image: Buffer = signaturePng): FormData {
  return certificateForm({ kind: 'personal', passphrase: issued.passphrase }, issued.p12, image);
}

export function organisationForm(issued: Issued, agencyId?: string, image: Buffer = sealPng): FormData {
  return certificateForm({ kind: 'organisation', passphrase: issued.passphrase, agencyId }, issued.p12, image);
}
