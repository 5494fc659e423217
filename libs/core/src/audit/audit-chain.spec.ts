import { canonicalJson, chainHash } from './audit-chain';

describe('audit chain hashing', () => {
  const base = {
    occurredAt: new Date('2026-11-24T01:02:03.456Z'),
    actorId: null,
    action: 'file.uploaded',
    entityType: 'stored_file',
    entityId: 'f1',
    data: { b: 1, a: { d: [1, 2], c: 'Đ' } },
    prevHash: null,
  };

  it('does not depend on key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(chainHash(base)).toBe(chainHash({ ...base, data: { a: { c: 'Đ', d: [1, 2] }, b: 1 } }));
  });

  it('changes when any field or the previous hash changes', () => {
    const h = chainHash(base);
    expect(chainHash({ ...base, action: 'file.deleted' })).not.toBe(h);
    expect(chainHash({ ...base, data: { ...base.data, b: 2 } })).not.toBe(h);
    expect(chainHash({ ...base, prevHash: 'a'.repeat(64) })).not.toBe(h);
    expect(chainHash({ ...base, occurredAt: new Date('2026-11-24T01:02:03.457Z') })).not.toBe(h);
  });
});
