import { makeAgencyKeys, sampleHeader } from '../test';
import { BUSINESS_DOC_TYPE } from './edxml-business';
import type { EdxmlAttachment, EdxmlHeader } from './edxml-header';
import { buildPackage, parsePackage } from './edxml-package';
import { readMultipart, writeMultipart } from './edxml-mime';
import { signEnvelope } from './xml-signature';

const agency = makeAgencyKeys('So GD A');
const signer = { privateKey: agency.privateKeyPem, certificatePem: agency.certificatePem };
const now = new Date('2026-12-07T03:00:00Z');
const pdf: EdxmlAttachment = { name: '16_QĐ-SGDĐT.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.7\nreplacement\n%%EOF\n') };
const replaced = '000.00.00.H30,2026/12/01,15/QĐ-SGDĐT';

function header(business: EdxmlHeader['business']): EdxmlHeader {
  return { ...sampleHeader(), documentId: '000.00.00.H30,2026/12/07,16/QĐ-SGDĐT', business };
}

const build = (h: EdxmlHeader) => buildPackage({ header: h, traces: [{ organId: '000.00.00.H30', timestamp: '2026-12-07T10:00:00+07:00' }], attachments: [pdf], signer, now });
const parse = (pkg: { contentType: string; body: Buffer }) => parsePackage(pkg.contentType, pkg.body, { senderCertificate: () => agency.certificatePem, now });

/** The envelope rewritten and signed again by the sender: a well-signed package that says something wrong. */
function resigned(h: EdxmlHeader, change: (xml: string) => string) {
  const pkg = build(h);
  const parts = readMultipart(pkg.contentType, pkg.body, 50);
  const unsigned = parts[0].bytes.toString('utf8').replace(/<Signature[\s\S]*<\/Signature>/, '');
  parts[0] = { ...parts[0], bytes: Buffer.from(signEnvelope(change(unsigned), signer)) };
  return writeMultipart(parts);
}

describe('edXML business (BussinessDocType, ReplacementInfoList)', () => {
  it('numbers the kinds as the published SDKs do: 0 new, 1 revoked, 2 updated, 3 replacing', () => {
    expect(BUSINESS_DOC_TYPE).toEqual({ new: 0, revoked: 1, updated: 2, replacing: 3 });
  });

  it('round-trips a replacement with the DocumentIds it replaces, inside the trace list', async () => {
    const h = header({ docType: 3, reason: 'Sai ngày hiệu lực', replaces: [{ documentId: replaced, organIds: ['000.00.00.H31'] }] });
    const pkg = build(h);
    expect(pkg.envelope).toMatch(/<edXML:TraceHeaderList>.*<edXML:Bussiness><edXML:DocumentId>[^<]+<\/edXML:DocumentId><edXML:BussinessDocType>3<\/edXML:BussinessDocType>/);
    expect(pkg.envelope).toContain(`<edXML:ReplacementInfo><edXML:DocumentId>${replaced}</edXML:DocumentId><edXML:OrganIdList><edXML:OrganId>000.00.00.H31</edXML:OrganId>`);
    const parsed = await parse(pkg);
    expect(parsed.header.business).toEqual(h.business);
  });

  it('round-trips an update, and reads a package without Bussiness as a new document', async () => {
    expect((await parse(build(header({ docType: 2, reason: 'Sửa trích yếu', replaces: [] })))).header.business).toEqual({ docType: 2, reason: 'Sửa trích yếu', replaces: [] });
    expect((await parse(build(header(undefined)))).header.business).toBeUndefined();
  });

  it('refuses, on both sides, a replacement that names nothing, itself, or a malformed OrganId', async () => {
    expect(() => build(header({ docType: 3, replaces: [] }))).toThrow(expect.objectContaining({ code: 'EDXML_FIELD_INVALID' }));
    expect(() => build(header({ docType: 3, replaces: [{ documentId: '000.00.00.H30,2026/12/07,16/QĐ-SGDĐT', organIds: [] }] }))).toThrow(expect.objectContaining({ code: 'EDXML_FIELD_INVALID' }));
    const good = header({ docType: 3, replaces: [{ documentId: replaced, organIds: ['000.00.00.H31'] }] });
    await expect(parse(resigned(good, (xml) => xml.replace('<edXML:OrganId>000.00.00.H31</edXML:OrganId></edXML:OrganIdList>', '<edXML:OrganId>31</edXML:OrganId></edXML:OrganIdList>')))).rejects.toMatchObject({ code: 'EDXML_FIELD_INVALID' });
    await expect(parse(resigned(good, (xml) => xml.replace('<edXML:BussinessDocType>3', '<edXML:BussinessDocType>7')))).rejects.toMatchObject({ code: 'EDXML_FIELD_INVALID', field: 'TraceHeaderList/Bussiness/BussinessDocType' });
    await expect(parse(resigned(good, (xml) => xml.replace('<edXML:BussinessDocType>', '<edXML:BussinessDocType>3</edXML:BussinessDocType><edXML:BussinessDocType>')))).rejects.toMatchObject({ code: 'EDXML_FIELD_INVALID' });
  });
});
