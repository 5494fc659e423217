import { makeAgencyKeys } from '../test';
import { buildStatus, type EdxmlStatus, parseStatus } from './edxml-status';

const agencyB = makeAgencyKeys('So Y te B');
const signer = { privateKey: agencyB.privateKeyPem, certificatePem: agencyB.certificatePem };
const directory = (organId: string) => (organId === '000.00.01.H30' ? agencyB.certificatePem : null);
const status: EdxmlStatus = {
  responseFor: { organId: '000.00.00.H30', code: '15/QĐ-SGDĐT', promulgationDate: '2026-12-01', documentId: '000.00.00.H30,2026/12/07,15/QĐ-SGDĐT' },
  from: { organId: '000.00.01.H30', organName: 'Sở Y tế B' },
  code: '03',
  timestamp: '2026-12-07T03:10:00.000Z',
  staff: { department: 'Văn phòng', name: 'Trần Thị Bình' },
};

describe('edXML status message', () => {
  it('round-trips a signed status', async () => {
    await expect(parseStatus(Buffer.from(buildStatus(status, signer)), directory)).resolves.toEqual(JSON.parse(JSON.stringify({ ...status, description: undefined })));
  });

  it('needs a reason for a refusal (02)', () => {
    expect(() => buildStatus({ ...status, code: '02' }, signer)).toThrow(expect.objectContaining({ field: 'Status/Description' }));
    expect(buildStatus({ ...status, code: '02', description: 'Sai thẩm quyền' }, signer)).toContain('Sai thẩm quyền');
  });

  it('refuses a changed code, an unknown sender and an unknown code', async () => {
    const xml = buildStatus(status, signer);
    await expect(parseStatus(Buffer.from(xml.replace('<edXML:StatusCode>03<', '<edXML:StatusCode>06<')), directory)).rejects.toMatchObject({ code: 'EDXML_SIGNATURE_INVALID' });
    await expect(parseStatus(Buffer.from(xml), () => null)).rejects.toMatchObject({ code: 'EDXML_SENDER_UNKNOWN' });
    expect(() => buildStatus({ ...status, code: '99' as '01' }, signer)).toThrow(expect.objectContaining({ field: 'Status/StatusCode' }));
  });
});
