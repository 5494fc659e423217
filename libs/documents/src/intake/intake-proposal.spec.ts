import { correctionsOf, proposeRegistration } from './intake-proposal';
import { verificationFlag, verifyAtReceipt } from './receipt-verification';
import type { VerificationReport } from '@eoffice/signing';

describe('intake proposal', () => {
  it('proposes the e-mail subject without reply marks and the sender as issuer', () => {
    expect(proposeRegistration({ title: 'Fwd: RE: V/v tổ chức hội nghị', senderName: ' Sở Tư pháp ' })).toEqual({
      urgency: 'normal',
      confidentiality: 'normal',
      subject: 'V/v tổ chức hội nghị',
      issuingAuthority: 'Sở Tư pháp',
    });
    expect(proposeRegistration({ title: null, senderName: null })).toEqual({ urgency: 'normal', confidentiality: 'normal' });
  });

  it('records only the fields the clerk changed', () => {
    const registered = {
      sourceNumberSymbol: '12/STP',
      sourceDate: '2026-12-01',
      issuingAuthority: 'Sở Tư pháp',
      documentType: 'Công văn',
      subject: 'V/v hội nghị',
      urgency: 'normal' as const,
      confidentiality: 'normal' as const,
    };
    expect(correctionsOf({ ...registered, subject: 'hội nghị' }, registered)).toEqual({ subject: { proposed: 'hội nghị', registered: 'V/v hội nghị' } });
    expect(Object.keys(correctionsOf({}, registered))).toHaveLength(7);
  });
});

describe('signature check at receipt', () => {
  const signature = { kind: 'signature' as const, fieldName: 'S', intact: true, coversWholeDocument: true, certificateTrusted: true, problems: [] };
  const report = (over: Partial<VerificationReport>, signatures = [signature]): VerificationReport => ({
    signatures,
    revisions: [],
    modifiedAfterLastSignature: false,
    onlyAllowedChangesAfterFirstSignature: true,
    ...over,
  });

  it.each([
    ['valid', report({})],
    ['unsigned', report({}, [])],
    ['invalid', report({}, [{ ...signature, intact: false }])],
    ['modified', report({ modifiedAfterLastSignature: true })],
    ['untrusted', report({}, [{ ...signature, certificateTrusted: false }])],
  ])('is %s', (status, given) => {
    expect(verifyAtReceipt(Buffer.alloc(0), () => given).status).toBe(status);
  });

  it('reports a PDF it cannot read instead of failing, and flags all but valid', () => {
    const checked = verifyAtReceipt(Buffer.alloc(0), () => {
      throw new Error('no xref');
    });
    expect(checked).toMatchObject({ status: 'unreadable', error: { message: 'no xref' } });
    expect(verificationFlag('valid')).toBeNull();
    expect(verificationFlag('unsigned')).toBe('signature_unsigned');
  });
});
