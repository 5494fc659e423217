import type { SignerStanding, UnitDelegation } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';

/**
 * Decree 30 Phụ lục I II.7.b: on whose behalf a document is signed. `own` — the head signs in their
 * own name; `KT` (ký thay) — a deputy for the head; `TL` (thừa lệnh) — by the head's order, a
 * department head (Chánh Văn phòng, Trưởng phòng); `TUQ` (thừa ủy quyền) — by the head's written,
 * time-limited authorisation, which the delegate cannot pass on (Art. 13.3); `TM` (thay mặt) — on
 * behalf of the collective body leading the agency (tập thể lãnh đạo, `TM. ỦY BAN NHÂN DÂN`), by
 * its head, an acting head or (KT.) a deputy; `Q` (quyền) — an acting head (giao quyền cấp trưởng)
 * during the appointment's period, `Q. GIÁM ĐỐC`.
 */
export const SIGNING_AUTHORITY_KINDS = ['own', 'KT', 'TL', 'TUQ', 'TM', 'Q'] as const;
export type SigningAuthorityKind = (typeof SIGNING_AUTHORITY_KINDS)[number];

export interface SigningAuthority {
  kind: SigningAuthorityKind;
  /** The head's title, in capitals (`GIÁM ĐỐC`, `CHỦ TỊCH`). */
  authorityTitle: string;
  /** The title printed with the signer's name: their own (`PHÓ GIÁM ĐỐC`); for `own` the head's; for Q. `Q. GIÁM ĐỐC`. */
  signerTitle: string;
  /**
   * Box 7a: `KT. GIÁM ĐỐC`, `TL. GIÁM ĐỐC`, `TUQ. GIÁM ĐỐC`, `Q. GIÁM ĐỐC`, `TM. ỦY BAN NHÂN DÂN`, just
   * `GIÁM ĐỐC`; a deputy's TM. is two lines (`TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH`).
   */
  notation: string;
  /** The lines above the signature image: the notation, then the signer's title when it differs. */
  lines: string[];
  /** The signing delegation (TUQ.) or acting appointment (Q., TM. by an acting head) it rests on. */
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
  // A drafted TM. line names the collective, not the head: only the line after it is the head's title.
  const lines = (signingTitle ?? '').split('\n').filter((l) => !/^\s*TM\.\s/i.test(l));
  return titleCase(lines[lines.length - 1]?.replace(/^\s*(KT|TL|TUQ|Q)\.\s*/i, ''));
}

const notHeld = (message: string) => new AppError(403, 'SIGNING_AUTHORITY_NOT_HELD', message);

/** The signer's place, read once: the head's title and the signer's own, and any current acting appointment. */
interface Place {
  standing: SignerStanding;
  headTitle: string;
  signerTitle: string;
}

/**
 * The authority the signer signs with: the one asked for, checked against where they stand, or
 * (none asked) the head's own name (TM. of the collective body for the head of an agency that has
 * one), Q. for a current acting head, KT. for a deputy, TUQ. for someone with a signing delegation.
 * TL., and TM. for anyone but the head, are only ever asked for. The head's title is the draft's box
 * 7a without its prefix (`GIÁM ĐỐC`, as the document prints it), else the head's recorded position;
 * the prefix is never the drafter's to choose.
 */
export function resolveSigningAuthority(standing: SignerStanding, requested?: SigningAuthorityKind, draftedTitle?: string | null): SigningAuthority {
  const place: Place = {
    standing,
    headTitle: draftedHeadTitle(draftedTitle) ?? titleCase(standing.head?.position) ?? HEAD_FALLBACK,
    signerTitle: titleCase(standing.signer.position) ?? '',
  };
  const kind = requested ?? defaultKind(standing);
  if (kind === 'TM') return onBehalfOfCollective(place);
  return forTheHead(place, kind);
}

/** Every kind but TM.: the head's own name, or on the head's behalf. */
function forTheHead({ standing, headTitle, signerTitle }: Place, kind: Exclude<SigningAuthorityKind, 'TM'>): SigningAuthority {
  const base = { kind, authorityTitle: headTitle };
  if (kind === 'own') {
    if (!standing.isHead) throw notHeld('Chỉ thủ trưởng cơ quan ký với danh nghĩa của mình (only the head signs in their own name)');
    return { ...base, signerTitle: headTitle, notation: headTitle, lines: [headTitle], delegationId: null };
  }
  if (standing.isHead) throw notHeld('Thủ trưởng cơ quan ký với danh nghĩa của mình (the head signs in their own name)');
  if (kind === 'Q') {
    // Quyền cấp trưởng: the appointee signs as the head, the head's title after "Q.", no title of their own.
    const appointment = current(standing, standing.actingAppointments, 'Chưa được giao quyền cấp trưởng (Q.) (no acting appointment)');
    const notation = `Q. ${headTitle}`;
    return { ...base, signerTitle: notation, notation, lines: [notation], delegationId: appointment.id };
  }
  if (kind === 'KT' && !standing.isDeputy) throw notHeld('Chỉ cấp phó của thủ trưởng được ký thay (KT.) (only a deputy of the head signs KT.)');
  if (kind === 'TL' && !standing.headsDepartment) {
    throw notHeld('Chỉ người đứng đầu đơn vị thuộc cơ quan được ký thừa lệnh (TL.) (only a department head signs TL.)');
  }
  const delegationId = kind === 'TUQ'
    ? current(standing, standing.signingDelegations, 'Chưa được thủ trưởng ủy quyền ký (TUQ.) (no signing delegation from the head)').id
    : null;
  const notation = `${kind}. ${headTitle}`;
  return { ...base, signerTitle, notation, lines: signerTitle ? [notation, signerTitle] : [notation], delegationId };
}

/**
 * TM. (thay mặt tập thể): the collective's name on the first line, then how the signer stands to its
 * head — the head's title (the head), `Q. CHỦ TỊCH` (an acting head), `KT. CHỦ TỊCH` and their own title
 * (a deputy). A collective's documents are not signed TL. or TUQ.
 */
function onBehalfOfCollective(place: Place): SigningAuthority {
  const { standing, headTitle } = place;
  if (!standing.collectiveBody) {
    throw notHeld('Cơ quan không do tập thể lãnh đạo: không ký thay mặt (TM.) (the agency is not led by a collective body)');
  }
  const collective = `TM. ${standing.collectiveBody}`;
  const asHead = standing.isHead ? null : forTheHead(place, hasCurrent(standing, standing.actingAppointments) ? 'Q' : 'KT');
  if (!asHead) return { kind: 'TM', authorityTitle: headTitle, signerTitle: headTitle, notation: collective, lines: [collective, headTitle], delegationId: null };
  const [first, ...rest] = asHead.lines;
  // Q.: one line (`Q. CHỦ TỊCH`), printed with the name; KT.: `KT. CHỦ TỊCH` joins the notation, the deputy's title goes with the name.
  const notation = asHead.kind === 'Q' ? collective : `${collective}\n${first}`;
  return { ...asHead, kind: 'TM', notation, lines: [collective, first, ...rest] };
}

function defaultKind(standing: SignerStanding): SigningAuthorityKind {
  if (standing.isHead) return standing.collectiveBody ? 'TM' : 'own';
  if (hasCurrent(standing, standing.actingAppointments)) return 'Q';
  if (standing.isDeputy) return 'KT';
  if (standing.signingDelegations.length) return 'TUQ';
  // An acting appointment that ended or has not begun: refused below with its dates.
  if (standing.actingAppointments.length) return 'Q';
  throw notHeld(
    'Người ký không phải thủ trưởng, người được giao quyền, cấp phó hay người được ủy quyền ký (the signer is neither the head, an acting head, a deputy nor a delegate)',
  );
}

const covers = (today: string) => (d: UnitDelegation) => d.startsOn <= today && today <= d.endsOn;
const hasCurrent = (standing: SignerStanding, held: UnitDelegation[]) => held.some(covers(standing.today));

/** A live delegation or appointment whose period covers today; one outside its period is refused with its dates. */
function current(standing: SignerStanding, held: UnitDelegation[], none: string): UnitDelegation {
  const found = held.find(covers(standing.today));
  if (found) return found;
  const latest = held[0];
  if (!latest) throw notHeld(none);
  throw new AppError(
    422,
    'SIGNING_DELEGATION_OUTSIDE_PERIOD',
    `Ủy quyền ký hoặc giao quyền chỉ có hiệu lực từ ${latest.startsOn} đến ${latest.endsOn} (the delegation is not valid today)`,
    [{ field: 'authority', message: `${latest.startsOn}..${latest.endsOn}` }],
  );
}
