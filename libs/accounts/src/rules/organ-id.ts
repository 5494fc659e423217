/**
 * Agency identifiers used by document exchange (mã định danh cơ quan, docs/domain/exchange.md):
 *
 * - **OrganId** of the exchange standard: 13 characters `DDD.CC.BB.Xnn`. The right-most group is
 *   level 1 (a letter and two digits: `H30` a province, `G14` a ministry); each group to its left is
 *   one level lower, `00`/`000` where unused. So `000.00.04.G14` is a level-2 body under `G14`, and a
 *   code with a used group left of an unused one (`001.00.04.G14`) names no agency.
 * - **Agency code** of the 2020 coding rules: up to 35 characters, groups of `0-9`/`A-Z` separated
 *   by dots, levels from left to right.
 *
 * Both are kept for an agency (the national directory carries both); at least one is required.
 */
export const ORGAN_ID_PATTERN = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z]\d{2})$/;
export const AGENCY_CODE_PATTERN = /^[0-9A-Z]+(\.[0-9A-Z]+)*$/;
export const AGENCY_CODE_MAX = 35;

/** Upper case, no spaces: what people type (`000.00.04.g14 `) becomes the stored form. */
export function normaliseAgencyIdentifier(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Why the OrganId is not valid, or null when it is (expects the normalised form). */
export function organIdProblem(organId: string): string | null {
  const match = ORGAN_ID_PATTERN.exec(organId);
  if (!match) return 'mã định danh có dạng DDD.CC.BB.Xnn, 13 ký tự (OrganId must be DDD.CC.BB.Xnn)';
  const [, level4, level3, level2, level1] = match;
  if (/^[A-Z]00$/.test(level1)) return 'nhóm cấp 1 (Xnn) không được là số 0 (level 1 must be used)';
  const used = [level2, level3, level4].map((group) => !/^0+$/.test(group));
  // Levels fill leftwards: once a level is unused, every level further left must be unused too.
  const firstUnused = used.indexOf(false);
  if (firstUnused >= 0 && used.slice(firstUnused).some(Boolean)) {
    return 'cấp dưới chỉ dùng khi cấp trên đã dùng (a lower level is set while a higher one is 00)';
  }
  return null;
}

/** The OrganId of the agency one level up, or null for a level-1 agency. */
export function parentOrganId(organId: string): string | null {
  const match = ORGAN_ID_PATTERN.exec(organId);
  if (!match) return null;
  const groups = match.slice(1, 4);
  const lowest = groups.findIndex((group) => !/^0+$/.test(group));
  if (lowest < 0) return null;
  groups[lowest] = '0'.repeat(groups[lowest].length);
  return `${groups.join('.')}.${match[4]}`;
}

/** Why the 2020 agency code is not valid, or null when it is (expects the normalised form). */
export function agencyCodeProblem(code: string): string | null {
  if (code.length > AGENCY_CODE_MAX) return `mã cơ quan tối đa ${AGENCY_CODE_MAX} ký tự (agency code too long)`;
  if (!AGENCY_CODE_PATTERN.test(code)) return 'mã cơ quan gồm các nhóm 0-9, A-Z cách nhau bởi dấu chấm (agency code: groups of 0-9/A-Z separated by dots)';
  return null;
}
