import type { ReceivedFile } from '@eoffice/core';
import { registrationFingerprint } from './idempotency-fingerprint';
import type { RegisterIncomingInput } from './incoming-input';

const input: RegisterIncomingInput = {
  sourceNumberSymbol: '12/UBND-VP',
  sourceDate: '2026-11-20',
  issuingAuthority: 'UBND tỉnh',
  documentType: 'Công văn',
  subject: 'Về việc kiểm tra',
  urgency: 'normal',
  confidentiality: 'normal',
  receivedVia: 'paper',
};
const file = (sha256: string): ReceivedFile => ({ storageKey: `k/${sha256}`, sha256, sizeBytes: 1, mimeType: 'application/pdf', originalName: 'a.pdf' });

describe('registrationFingerprint', () => {
  it('is the same for the same request, whatever the order of its keys or where the file was stored', () => {
    const reordered = Object.fromEntries(Object.entries(input).reverse()) as unknown as RegisterIncomingInput;
    const a = registrationFingerprint(input, { scan: file('aa') });
    const b = registrationFingerprint({ ...reordered, pageCount: undefined }, { scan: { ...file('aa'), storageKey: 'elsewhere', originalName: 'b.pdf' } });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
  });

  it('differs when a field, the scan or the original differs', () => {
    const first = registrationFingerprint(input, { scan: file('aa') });
    expect(registrationFingerprint({ ...input, subject: 'Khác' }, { scan: file('aa') })).not.toBe(first);
    expect(registrationFingerprint(input, { scan: file('bb') })).not.toBe(first);
    expect(registrationFingerprint(input, { scan: file('aa'), original: file('cc') })).not.toBe(first);
    expect(registrationFingerprint({ ...input, scanFileId: 'x' }, {})).not.toBe(registrationFingerprint({ ...input, scanFileId: 'y' }, {}));
  });
});
