import { createHash } from 'node:crypto';
import { makeAgencyKeys, sampleHeader } from '../test';
import { buildPackage, parsePackage } from './edxml-package';
import type { EdxmlAttachment, EdxmlHeader } from './edxml-header';
import { DEFAULT_BOUNDS } from './edxml-limits';
import { readMultipart, writeMultipart } from './edxml-mime';
import { envelopeXml, manifestXml, messageHeaderXml, traceListXml } from './edxml-writer';
import { signEnvelope } from './xml-signature';

const agencyA = makeAgencyKeys('So GD A');
const agencyB = makeAgencyKeys('So Y te B');
const signer = { privateKey: agencyA.privateKeyPem, certificatePem: agencyA.certificatePem };
const now = new Date('2026-12-07T03:00:00Z');
const pdf: EdxmlAttachment = { name: '15_QĐ-SGDĐT.pdf', contentType: 'application/pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0xfe), Buffer.from('\r\n--edxml-\r\n%%EOF\n')]) };
const appendix: EdxmlAttachment = { name: '15_QĐ-SGDĐT_PL1.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.7\nappendix\n%%EOF\n') };
const directory = (organId: string) => (organId === '000.00.00.H30' ? agencyA.certificatePem : null);

function build(header: EdxmlHeader = sampleHeader()) {
  return buildPackage({ header, traces: [{ organId: '000.00.00.H30', timestamp: '2026-12-07T10:00:00+07:00' }], attachments: [pdf, appendix], signer, now });
}

/** A package signed by A whose envelope was written by hand: what a broken or hostile sender can send. */
function craft(headerXml: string, attachments: EdxmlAttachment[] = [pdf]) {
  const entries = attachments.map((a, i) => ({ contentId: `attachment-${i + 1}`, name: a.name, contentType: a.contentType, size: a.bytes.length, sha256: createHash('sha256').update(a.bytes).digest('base64') }));
  const envelope = signEnvelope(envelopeXml([headerXml, traceListXml([])], [manifestXml(entries)]), signer);
  return writeMultipart([{ contentId: 'envelope', contentType: 'text/xml', bytes: Buffer.from(envelope) }, ...attachments.map((a, i) => ({ contentId: entries[i].contentId, contentType: a.contentType, bytes: a.bytes }))]);
}

function withEnvelope(pkg: { contentType: string; body: Buffer }, change: (xml: string) => string) {
  const parts = readMultipart(pkg.contentType, pkg.body, 50);
  parts[0] = { ...parts[0], bytes: Buffer.from(change(parts[0].bytes.toString('utf8'))) };
  return writeMultipart(parts);
}

const parse = (pkg: { contentType: string; body: Buffer }, bounds = DEFAULT_BOUNDS) => parsePackage(pkg.contentType, pkg.body, { senderCertificate: directory, now, bounds });

describe('edXML package', () => {
  it('round-trips the header and carries the attachments byte for byte', async () => {
    const parsed = await parse(build());
    expect(parsed.header).toEqual(JSON.parse(JSON.stringify(sampleHeader())));
    expect(parsed.attachments.map((a) => a.name)).toEqual([pdf.name, appendix.name]);
    expect(parsed.attachments[0].bytes.equals(pdf.bytes)).toBe(true);
    expect(parsed.attachments[1].bytes.equals(appendix.bytes)).toBe(true);
    expect(parsed.traces).toEqual([{ organId: '000.00.00.H30', timestamp: '2026-12-07T10:00:00+07:00' }]);
    expect(parsed.envelope).toContain('<edXML:Subject>Về việc tổ chức');
    expect(parsed.envelope).toContain('&lt;A&gt; &amp; co');
  });

  it('refuses a changed header (broken signature)', async () => {
    const tampered = withEnvelope(build(), (xml) => xml.replace('Về việc tổ chức', 'Về việc huỷ'));
    await expect(parse(tampered)).rejects.toMatchObject({ code: 'EDXML_SIGNATURE_INVALID' });
  });

  it('refuses a package signed with a key other than the directory holds for the sender, whatever KeyInfo says', async () => {
    const forged = buildPackage({ header: sampleHeader(), traces: [], attachments: [pdf], signer: { privateKey: agencyB.privateKeyPem, certificatePem: agencyB.certificatePem }, now });
    await expect(parse(forged)).rejects.toMatchObject({ code: 'EDXML_SIGNATURE_INVALID' });
  });

  it('refuses a second signature or a signature moved off the whole envelope', async () => {
    const doubled = withEnvelope(build(), (xml) => xml.replace(/(<Signature[\s\S]*<\/Signature>)/, '$1$1'));
    await expect(parse(doubled)).rejects.toMatchObject({ code: 'EDXML_SIGNATURE_INVALID' });
  });

  it('refuses an attachment whose bytes differ from the signed manifest', async () => {
    const pkg = build();
    const parts = readMultipart(pkg.contentType, pkg.body, 50);
    const changed = Buffer.from(parts[1].bytes);
    changed[100] ^= 1;
    parts[1] = { ...parts[1], bytes: changed };
    await expect(parse(writeMultipart(parts))).rejects.toMatchObject({ code: 'EDXML_ATTACHMENT_MISMATCH' });
    await expect(parse(writeMultipart(parts.slice(0, 2)))).rejects.toMatchObject({ code: 'EDXML_ATTACHMENT_MISMATCH' });
  });

  it('refuses an unknown sender', async () => {
    await expect(parse(craft(messageHeaderXml(sampleHeader({ from: { organId: '000.00.02.H30', organName: 'Lạ' } }))))).rejects.toMatchObject({ code: 'EDXML_SENDER_UNKNOWN' });
  });

  it('refuses a missing OrganId, on building and on receipt', async () => {
    const header = sampleHeader({ to: [{ organId: '', organName: 'Sở Y tế B' }] });
    expect(() => build(header)).toThrow(expect.objectContaining({ code: 'EDXML_FIELD_INVALID', field: 'MessageHeader/To/OrganId' }));
    await expect(parse(craft(messageHeaderXml(header)))).rejects.toMatchObject({ code: 'EDXML_FIELD_INVALID', field: 'MessageHeader/To/OrganId' });
    const noSender = messageHeaderXml(sampleHeader()).replace('<edXML:OrganId>000.00.00.H30</edXML:OrganId>', '');
    await expect(parse(craft(noSender))).rejects.toMatchObject({ code: 'EDXML_FIELD_INVALID', field: 'MessageHeader/From/OrganId' });
  });

  it('refuses a malformed OrganId', async () => {
    const header = sampleHeader({ to: [{ organId: '001.00.04.G14', organName: 'X' }] });
    await expect(parse(craft(messageHeaderXml(header)))).rejects.toMatchObject({ code: 'EDXML_FIELD_INVALID' });
  });

  it('refuses a duplicate To', async () => {
    const header = sampleHeader({ to: [{ organId: '000.00.01.H30', organName: 'B' }, { organId: '000.00.01.H30', organName: 'B again' }] });
    expect(() => build(header)).toThrow(expect.objectContaining({ code: 'EDXML_DUPLICATE_RECIPIENT' }));
    await expect(parse(craft(messageHeaderXml(header)))).rejects.toMatchObject({ code: 'EDXML_DUPLICATE_RECIPIENT' });
  });

  it('refuses fields over their lengths and repeated single fields', async () => {
    await expect(parse(craft(messageHeaderXml(sampleHeader({ subject: 'ạ'.repeat(501) }))))).rejects.toMatchObject({ code: 'EDXML_FIELD_INVALID', field: 'MessageHeader/Subject' });
    await expect(parse(craft(messageHeaderXml(sampleHeader({ code: { number: '15', notation: 'Q'.repeat(31) } }))))).rejects.toMatchObject({ field: 'MessageHeader/Code/CodeNotation' });
    const twoSubjects = messageHeaderXml(sampleHeader()).replace(/(<edXML:Subject>[^<]*<\/edXML:Subject>)/, '$1$1');
    await expect(parse(craft(twoSubjects))).rejects.toMatchObject({ code: 'EDXML_FIELD_INVALID', field: 'MessageHeader/Subject' });
  });

  it('refuses a promulgation date after today (Vietnam time) and a date that does not exist', async () => {
    await expect(parse(craft(messageHeaderXml(sampleHeader({ promulgation: { place: 'Hà Nội', date: '2026-12-08' } }))))).rejects.toMatchObject({ code: 'EDXML_FUTURE_DATE' });
    await expect(parse(craft(messageHeaderXml(sampleHeader({ promulgation: { place: 'Hà Nội', date: '2026-02-30' } }))))).rejects.toMatchObject({ code: 'EDXML_FIELD_INVALID' });
    // 2026-12-07 17:30 UTC is already the 8th in Vietnam: a document of the 8th is not in the future then.
    const late = await parsePackage(...packageArgs(craft(messageHeaderXml(sampleHeader({ promulgation: { place: 'Hà Nội', date: '2026-12-08' } })))), { senderCertificate: directory, now: new Date('2026-12-07T17:30:00Z') });
    expect(late.header.promulgation.date).toBe('2026-12-08');
  });

  it('refuses any DOCTYPE: external entities (XXE) and entity bombs', async () => {
    const xxe = withEnvelope(build(), (xml) => xml.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>').replace('Về việc', '&e;'));
    await expect(parse(xxe)).rejects.toMatchObject({ code: 'EDXML_DOCTYPE_REFUSED' });
    const lol = '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' + Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`).join('') + ']>';
    const bomb = withEnvelope(build(), (xml) => xml.replace('<?xml version="1.0" encoding="UTF-8"?>', `<?xml version="1.0"?>${lol}`).replace('Về việc', '&bbbbbbbbb;'));
    await expect(parse(bomb)).rejects.toMatchObject({ code: 'EDXML_DOCTYPE_REFUSED' });
    const lowerCase = withEnvelope(build(), (xml) => xml.replace('<?xml version="1.0" encoding="UTF-8"?>', '<!doctype x>'));
    await expect(parse(lowerCase)).rejects.toMatchObject({ code: 'EDXML_DOCTYPE_REFUSED' });
  });

  it('refuses oversize packages and envelopes before parsing them, and malformed XML or MIME', async () => {
    await expect(parse(build(), { ...DEFAULT_BOUNDS, maxPackageBytes: 4096 })).rejects.toMatchObject({ code: 'EDXML_TOO_LARGE' });
    await expect(parse(build(), { ...DEFAULT_BOUNDS, maxEnvelopeBytes: 1024 })).rejects.toMatchObject({ code: 'EDXML_TOO_LARGE' });
    await expect(parse(withEnvelope(build(), (xml) => xml.replace('</edXML:edXMLEnvelope>', '')))).rejects.toMatchObject({ code: 'EDXML_MALFORMED' });
    const pkg = build();
    await expect(parse({ contentType: pkg.contentType, body: pkg.body.subarray(0, pkg.body.length - 40) })).rejects.toMatchObject({ code: 'EDXML_MALFORMED' });
    await expect(parse({ contentType: 'text/xml', body: pkg.body })).rejects.toMatchObject({ code: 'EDXML_MALFORMED' });
  });
});

function packageArgs(pkg: { contentType: string; body: Buffer }): [string, Buffer] {
  return [pkg.contentType, pkg.body];
}
