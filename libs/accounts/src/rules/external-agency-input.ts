import type { FieldError } from '@eoffice/core';
import { normaliseText, TEXT_PROBLEM_MESSAGES, textProblem } from '@eoffice/vietnamese';
import { agencyCodeProblem, normaliseAgencyIdentifier, organIdProblem } from './organ-id';

/**
 * What an agency of the directory (danh bạ cơ quan) is made of, checked the same way whether an
 * administrator types it or a CSV file or an exchange endpoint's list brings it. The lengths are
 * those the exchange envelope allows for the sender and recipients, so every entry can be written
 * into a package as it is.
 */
export type ExchangeEndpointKind = 'installation' | 'axis' | 'email';
export const EXCHANGE_ENDPOINT_KINDS: readonly ExchangeEndpointKind[] = ['installation', 'axis', 'email'];

export interface ExternalAgencyInput {
  organId: string | null;
  agencyCode: string | null;
  name: string;
  address: string | null;
  email: string | null;
  phone: string | null;
  fax: string | null;
  website: string | null;
  endpointKind: ExchangeEndpointKind | null;
  endpointUrl: string | null;
}

export const AGENCY_FIELD_LIMITS = { name: 200, address: 250, email: 100, phone: 20, fax: 20, website: 100, endpointUrl: 500 } as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+().\s-]+$/;

type Raw = { [K in keyof ExternalAgencyInput]?: string | null };

const blankToNull = (value: string | null | undefined) => {
  const text = value == null ? '' : normaliseText(value);
  return text === '' ? null : text;
};

/** Trims, folds identifiers to upper case, blank → null. */
export function normaliseAgencyInput(raw: Raw): ExternalAgencyInput {
  const id = (value: string | null | undefined) => {
    const text = value == null ? '' : normaliseAgencyIdentifier(value);
    return text === '' ? null : text;
  };
  return {
    organId: id(raw.organId),
    agencyCode: id(raw.agencyCode),
    name: normaliseText(raw.name ?? ''),
    address: blankToNull(raw.address),
    email: blankToNull(raw.email)?.toLowerCase() ?? null,
    phone: blankToNull(raw.phone),
    fax: blankToNull(raw.fax),
    website: blankToNull(raw.website),
    endpointKind: (blankToNull(raw.endpointKind)?.toLowerCase() as ExchangeEndpointKind | undefined) ?? null,
    endpointUrl: blankToNull(raw.endpointUrl),
  };
}

/** Every problem of a normalised entry, by field name (the API's names; the CSV maps them to columns). */
export function externalAgencyProblems(input: ExternalAgencyInput): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, message: string | null) => message && problems.push({ field, message });
  if (!input.organId && !input.agencyCode) add('organId', 'cần mã định danh (organId) hoặc mã cơ quan (agencyCode)');
  if (input.organId) add('organId', organIdProblem(input.organId));
  if (input.agencyCode) add('agencyCode', agencyCodeProblem(input.agencyCode));
  const nameKind = input.name ? textProblem(input.name) : 'empty';
  if (nameKind) add('name', TEXT_PROBLEM_MESSAGES[nameKind]);
  for (const field of Object.keys(AGENCY_FIELD_LIMITS) as (keyof typeof AGENCY_FIELD_LIMITS)[]) {
    const value = input[field];
    if (value && value.length > AGENCY_FIELD_LIMITS[field]) add(field, `tối đa ${AGENCY_FIELD_LIMITS[field]} ký tự (at most ${AGENCY_FIELD_LIMITS[field]} characters)`);
  }
  if (input.email && !EMAIL.test(input.email)) add('email', 'địa chỉ thư điện tử không hợp lệ (invalid e-mail)');
  if (input.phone && !PHONE.test(input.phone)) add('phone', 'số điện thoại chỉ gồm chữ số, + ( ) . - (invalid phone)');
  if (input.fax && !PHONE.test(input.fax)) add('fax', 'số fax chỉ gồm chữ số, + ( ) . - (invalid fax)');
  add('endpointKind', endpointProblem(input));
  return problems;
}

function endpointProblem({ endpointKind, endpointUrl, organId }: ExternalAgencyInput): string | null {
  if (!endpointKind) return endpointUrl ? 'cần loại điểm kết nối (endpointKind) cho endpointUrl' : null;
  if (!EXCHANGE_ENDPOINT_KINDS.includes(endpointKind)) return `loại điểm kết nối: ${EXCHANGE_ENDPOINT_KINDS.join(', ')}`;
  // Packages are addressed by OrganId on the axis and between installations; e-mail needs only an address.
  if (endpointKind !== 'email' && !organId) return 'trao đổi qua trục/hệ thống cần mã định danh (organId required for exchange)';
  if (endpointKind === 'email') return endpointUrl && !EMAIL.test(endpointUrl) ? 'endpointUrl là địa chỉ thư điện tử (an e-mail address)' : null;
  if (endpointKind === 'axis') return null; // the axis is configured once for the installation
  if (!endpointUrl) return 'cần địa chỉ HTTPS của hệ thống nhận (endpointUrl required)';
  let url: URL;
  try {
    url = new URL(endpointUrl);
  } catch {
    return 'endpointUrl không phải địa chỉ hợp lệ (invalid URL)';
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  // Packages cross networks: plain HTTP is accepted only on the machine itself (tests, a local proxy).
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return 'hệ thống nhận phải dùng HTTPS (https required)';
  return null;
}
