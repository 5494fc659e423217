import type { DraftLayout } from '@eoffice/signing';
import type { DraftLayoutInput } from './outgoing-input';

/**
 * Where boxes 3 (số), 4 (place and date) and 7c (signature) sit on an A4 page laid out by
 * Decree 30 Phụ lục I (top margin 20 mm, left 30 mm, right 15 mm; points from the bottom-left).
 * A draft that follows the template needs no layout of its own.
 */
export const DECREE30_A4_LAYOUT: DraftLayoutInput = {
  documentNumber: { page: 0, x: 60, y: 740, width: 180, height: 20 },
  issueDateLine: { page: 0, x: 270, y: 740, width: 280, height: 20 },
  leaderSignature: { x: 330, y: 410, width: 160, height: 95 },
};

/** The library's layout for a draft: its own boxes, or the Decree 30 template's. */
export function draftLayoutOf(layout: DraftLayoutInput | null): DraftLayout {
  const { documentNumber, issueDateLine, leaderSignature } = layout ?? DECREE30_A4_LAYOUT;
  const rect = ({ x, y, width, height }: { x: number; y: number; width: number; height: number }) => ({ x, y, width, height });
  return {
    documentNumber: { page: documentNumber.page ?? 0, rect: rect(documentNumber) },
    issueDateLine: { page: issueDateLine.page ?? 0, rect: rect(issueDateLine) },
    leaderSignature: { page: leaderSignature.page ?? 'last', rect: rect(leaderSignature) },
  };
}
