import type { RecognisedHeader } from '@eoffice/documents';
import type { ExpectedHeader } from './corpus';

export const FIELDS = ['sourceNumberSymbol', 'sourceDate', 'issuingAuthority', 'subject', 'documentType', 'place', 'urgency', 'confidentiality', 'signerName'] as const;
export type Field = (typeof FIELDS)[number];

/** What recognition answered, in the expected header's terms (a mark not found is "normal"). */
export function answered(header: RecognisedHeader): Record<Field, string | null> {
  return {
    sourceNumberSymbol: header.sourceNumberSymbol ?? null,
    sourceDate: header.sourceDate ?? null,
    issuingAuthority: header.issuingAuthority ?? null,
    subject: header.subject ?? null,
    documentType: header.documentType ?? null,
    place: header.place ?? null,
    urgency: header.urgency ?? 'normal',
    confidentiality: header.confidentiality ?? 'normal',
    signerName: header.signer?.name ?? null,
  };
}

/** Exact match per field (signer only where the page has one): the fields that differ. */
export function mismatches(expected: ExpectedHeader, got: Record<Field, string | null>): Field[] {
  return FIELDS.filter((field) => !(field === 'signerName' && expected.signerName === null) && expected[field] !== got[field]);
}

export class Tally {
  private readonly right = new Map<Field, number>();
  private readonly total = new Map<Field, number>();

  add(expected: ExpectedHeader, wrong: Field[]): void {
    for (const field of FIELDS) {
      if (field === 'signerName' && expected.signerName === null) continue;
      this.total.set(field, (this.total.get(field) ?? 0) + 1);
      if (!wrong.includes(field)) this.right.set(field, (this.right.get(field) ?? 0) + 1);
    }
  }

  percent(field: Field): string {
    const total = this.total.get(field) ?? 0;
    return total ? `${((100 * (this.right.get(field) ?? 0)) / total).toFixed(1)} % (${this.right.get(field) ?? 0}/${total})` : '—';
  }
}
