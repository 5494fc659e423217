import type { HeaderSpec } from '../../libs/documents/test';
import { seededRandom } from '../../libs/documents/test';
import { agencies, BODY, LETTER_SUBJECTS, POSITIONS, RECIPIENTS, SIGNERS, TYPED } from './corpus-data';

/** What a correct recognition answers for a spec: the scorer's expected values. */
export interface ExpectedHeader {
  issuingAuthority: string;
  sourceNumberSymbol: string;
  sourceDate: string;
  place: string;
  documentType: string;
  subject: string;
  urgency: string;
  confidentiality: string;
  signerName: string | null;
}

const URGENCY = { KHẨN: 'urgent', 'THƯỢNG KHẨN': 'very_urgent', 'HỎA TỐC': 'flash' } as const;
const CONFIDENTIALITY = { MẬT: 'confidential', 'TỐI MẬT': 'secret', 'TUYỆT MẬT': 'top_secret' } as const;

/** `count` headers, the same for the same seed: agencies, types, dates and numbers varied. */
export function corpus(count: number, seed = 2027): { spec: HeaderSpec; expected: ExpectedHeader }[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const all = agencies();
  const out = [];
  for (let i = 0; i < count; i += 1) {
    const agency = pick(all);
    const letter = random() < 0.45;
    const [typeName, typeCode, subjects] = pick(TYPED);
    const year = 2025 + Math.floor(random() * 3);
    const date = `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    const number = String(1 + Math.floor(random() * (random() < 0.3 ? 30 : 2400)));
    const shown = random() < 0.5 && number.length < 2 ? pad(Number(number)) : number;
    const withYear = !letter && typeCode === 'QĐ' && random() < 0.3;
    const notation = letter ? `${agency.code}-${pick(agency.units)}` : `${typeCode}-${agency.code}`;
    const numberSymbol = withYear ? `${shown}/${year}/${notation}` : `${shown}/${notation}`;
    const urgency = random() < 0.15 ? pick(['KHẨN', 'THƯỢNG KHẨN', 'HỎA TỐC'] as const) : null;
    const confidentiality = random() < 0.1 ? pick(['MẬT', 'TỐI MẬT', 'TUYỆT MẬT'] as const) : null;
    const signer = random() < 0.6 ? { position: pick(POSITIONS), name: pick(SIGNERS) } : null;
    const subject = letter ? pick(LETTER_SUBJECTS) : pick(subjects);
    const spec: HeaderSpec = {
      parentAuthority: agency.parent,
      issuerLines: agency.lines,
      numberSymbol,
      place: agency.place,
      date,
      documentType: letter ? null : typeName,
      subject,
      urgency,
      confidentiality,
      recipients: letter ? pick(RECIPIENTS) : null,
      body: BODY.slice(0, 1 + Math.floor(random() * (signer ? 2 : 3))),
      signer,
    };
    out.push({
      spec,
      expected: {
        issuingAuthority: agency.lines.join(' '),
        sourceNumberSymbol: numberSymbol,
        sourceDate: date,
        place: agency.place,
        documentType: letter ? 'Công văn' : typeName,
        subject,
        urgency: urgency ? URGENCY[urgency] : 'normal',
        confidentiality: confidentiality ? CONFIDENTIALITY[confidentiality] : 'normal',
        signerName: signer?.name ?? null,
      },
    });
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
