import { createDemoCa, issueDemoCertificate } from '../demo/demo-certificates';
import { createDemoSignaturePng } from '../demo/demo-images';
import { prepareDraft } from '../form/draft-preparer';
import { applyLeaderSignature } from '../signature/leader-signature';
import { buildDecisionSource, DECISION_LAYOUT, runTool, tempFile } from '../../test';

const ca = createDemoCa('appearance CA');

/** A decision without a printed signing block, signed by `name` with `titleLines`; the words pdftotext reads. */
async function signedText(name: string, titleLines: string[]): Promise<string> {
  const identity = issueDemoCertificate(ca, { commonName: name, organisation: 'Sở GDĐT' });
  const draft = await prepareDraft(await buildDecisionSource(false, false), DECISION_LAYOUT);
  const signed = await applyLeaderSignature(draft, {
    credentials: { certificate: identity.certificate, privateKey: identity.privateKey, chain: [ca.certificate] } as never,
    trust: { trustAnchors: [ca.certificate] },
    signatureImage: createDemoSignaturePng(),
    signerName: name,
    titleLines,
  });
  const file = tempFile(`appearance-${Date.now()}-${Math.random()}.pdf`, Buffer.concat(signed.parts()));
  return runTool('pdftotext', [file, '-']).stdout.replace(/\s+/g, ' ');
}

describe('leader signature appearance: boxes 7a/7b above the image', () => {
  it('draws the authority and title lines and the name so that text extraction reads them, signature after signature', async () => {
    // The first signature's "Đức" makes fontkit meet the glyph "u" through "ứ": later plain "u"s must still read as "u".
    expect(await signedText('Trần Văn Đức', ['KT. GIÁM ĐỐC SỞ', 'PHÓ GIÁM ĐỐC SỞ'])).toContain('KT. GIÁM ĐỐC SỞ PHÓ GIÁM ĐỐC SỞ Trần Văn Đức');
    expect(await signedText('Lê Thị Thu Hương', ['GIÁM ĐỐC SỞ'])).toContain('GIÁM ĐỐC SỞ Lê Thị Thu Hương');
    expect(await signedText('Bùi Quốc Việt', ['TUQ. GIÁM ĐỐC SỞ', 'TRƯỞNG PHÒNG'])).toContain('TUQ. GIÁM ĐỐC SỞ TRƯỞNG PHÒNG Bùi Quốc Việt');
  });
});
