import { correctionsOf, proposeRegistration, withHeader } from './intake-proposal';
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

  it('lays the header read from page 1 over the envelope: what the header lacks keeps the envelope’s', () => {
    const envelope = proposeRegistration({ title: 'Gửi công văn', senderName: 'Văn thư Sở Tư pháp' });
    expect(
      withHeader(envelope, {
        issuingAuthority: 'SỞ TƯ PHÁP',
        sourceNumberSymbol: '12/STP-VP',
        sourceDate: '2026-12-01',
        urgency: 'urgent',
        place: 'Tây Ninh',
        signer: { position: 'GIÁM ĐỐC', name: 'Lê Hoàng Phúc' },
      }),
    ).toEqual({
      subject: 'Gửi công văn',
      issuingAuthority: 'SỞ TƯ PHÁP',
      sourceNumberSymbol: '12/STP-VP',
      sourceDate: '2026-12-01',
      urgency: 'urgent',
      confidentiality: 'normal',
      place: 'Tây Ninh',
      signerPosition: 'GIÁM ĐỐC',
      signerName: 'Lê Hoàng Phúc',
    });
    expect(withHeader(envelope, {})).toEqual(envelope);
  });

  it('keeps a structured package’s own header over the reading, which only fills what it lacks', () => {
    const packaged = { issuingAuthority: 'Sở Tư pháp Tây Ninh', sourceNumberSymbol: '12/STP-VP', urgency: 'normal' as const };
    expect(withHeader(packaged, { issuingAuthority: 'SỞ TƯ PHÁP', sourceNumberSymbol: '12/STP-VF', place: 'Tây Ninh' }, { headerWins: false })).toEqual({
      ...packaged,
      place: 'Tây Ninh',
    });
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
