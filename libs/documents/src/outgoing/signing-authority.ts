import type { SignerStanding } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';

/**
 * Decree 30 Phụ lục I II.7.b: on whose behalf a document is signed. `own` — the head signs in their
 * own name; `KT` (ký thay) — a deputy for the head; `TL` (thừa lệnh) — by the head's order, a
 * department head (Chánh Văn phòng, Trưởng phòng); `TUQ` (thừa ủy quyền) — by the head's written,
 * time-limited authorisation, which the delegate cannot pass on (Art. 13.3). TM. (a collective)
 * and Q. (acting head) are not modelled: no collective bodies or acting appointments exist here.
 */
export const SIGNING_AUTHORITY_KINDS = ['own', 'KT', 'TL', 'TUQ'] as const;
export type SigningAuthorityKind = (typeof SIGNING_AUTHORITY_KINDS)[number];

export interface SigningAuthority {
  kind: SigningAuthorityKind;
  /** The head's title, in capitals (`GIÁM ĐỐC`). */
  authorityTitle: string;
  /** The signer's own title, in capitals (`PHÓ GIÁM ĐỐC`); for `own`, the head's title. */
  signerTitle: string;
  /** Box 7a: `KT. GIÁM ĐỐC`, `TL. GIÁM ĐỐC`, `TUQ. GIÁM ĐỐC`, or just `GIÁM ĐỐC`. */
  notation: string;
  /** The lines above the signature image: the notation, then the signer's title when it differs. */
  lines: string[];
  delegationId: string | null;
}

/** When the head's record carries no title: the generic name of an agency's head. */
const HEAD_FALLBACK = 'THỦ TRƯỞNG CƠ QUAN';

/** Titles print in capitals (Phụ lục I: "chữ in hoa"), as the person's record spells them. */
export function titleCase(position: string | null | undefined): string | null {
  const text = position?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return text ? text.toLocaleUpperCase('vi-VN') : null;
}

/** A draft's box 7a as the drafter wrote it, without any prefix: the head's title as this document prints it. */
export function draftedHeadTitle(signingTitle: string | null | undefined): string | null {
  return titleCase(signingTitle?.replace(/^\s*(KT|TL|TUQ|TM|Q)\.\s*/i, ''));
}

const notHeld = (message: string) => new AppError(403, 'SIGNING_AUTHORITY_NOT_HELD', message);

/**
 * The authority the signer signs with: the one asked for, checked against where they stand, or
 * (none asked) the head's own name, KT. for a deputy, TUQ. for someone with a current signing
 * delegation. TL. is only ever asked for: a department head signs on their own unit's behalf
 * otherwise, which is not this agency-level notation. The head's title is the draft's box 7a
 * without its prefix (`GIÁM ĐỐC`, as the document prints it), else the head's recorded position;
 * the prefix is never the drafter's to choose.
 */
export function resolveSigningAuthority(standing: SignerStanding, requested?: SigningAuthorityKind, draftedTitle?: string | null): SigningAuthority {
  const kind = requested ?? defaultKind(standing);
  const headTitle = draftedHeadTitle(draftedTitle) ?? titleCase(standing.head?.position) ?? HEAD_FALLBACK;
  const signerTitle = titleCase(standing.signer.position);
  if (kind === 'own') {
    if (!standing.isHead) throw notHeld('Chỉ thủ trưởng cơ quan ký với danh nghĩa của mình (only the head signs in their own name)');
    return { kind, authorityTitle: headTitle, signerTitle: headTitle, notation: headTitle, lines: [headTitle], delegationId: null };
  }
  if (standing.isHead) throw notHeld('Thủ trưởng cơ quan ký với danh nghĩa của mình (the head signs in their own name)');
  let delegationId: string | null = null;
  if (kind === 'KT' && !standing.isDeputy) throw notHeld('Chỉ cấp phó của thủ trưởng được ký thay (KT.) (only a deputy of the head signs KT.)');
  if (kind === 'TL' && !standing.headsDepartment) {
    throw notHeld('Chỉ người đứng đầu đơn vị thuộc cơ quan được ký thừa lệnh (TL.) (only a department head signs TL.)');
  }
  if (kind === 'TUQ') delegationId = currentDelegation(standing).id;
  const notation = `${kind}. ${headTitle}`;
  const title = signerTitle ?? '';
  return { kind, authorityTitle: headTitle, signerTitle: title, notation, lines: title ? [notation, title] : [notation], delegationId };
}

function defaultKind(standing: SignerStanding): SigningAuthorityKind {
  if (standing.isHead) return 'own';
  if (standing.isDeputy) return 'KT';
  if (standing.signingDelegations.length) return 'TUQ';
  throw notHeld(
    'Người ký không phải thủ trưởng, cấp phó hay người được ủy quyền ký (the signer is neither the head, a deputy nor a delegate)',
  );
}

/** A live signing delegation whose period covers today; one outside its period is refused with its dates. */
function currentDelegation(standing: SignerStanding) {
  const { today, signingDelegations } = standing;
  const current = signingDelegations.find((d) => d.startsOn <= today && today <= d.endsOn);
  if (current) return current;
  const latest = signingDelegations[0];
  if (!latest) throw notHeld('Chưa được thủ trưởng ủy quyền ký (TUQ.) (no signing delegation from the head)');
  throw new AppError(
    422,
    'SIGNING_DELEGATION_OUTSIDE_PERIOD',
    `Ủy quyền ký chỉ có hiệu lực từ ${latest.startsOn} đến ${latest.endsOn} (the signing delegation is not valid today)`,
    [{ field: 'authority', message: `${latest.startsOn}..${latest.endsOn}` }],
  );
}
