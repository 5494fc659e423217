import type { ListedAgency } from './agency-import-plan';
import type { ExternalAgencyInput } from './external-agency-input';

/** What the list says over what the entry holds: listed fields win, empty ones keep the entry's, the endpoint stays. */
export function mergeListedAgency(given: ExternalAgencyInput, current: ListedAgency | undefined): ExternalAgencyInput {
  if (!current) return given;
  const keep = <K extends keyof ExternalAgencyInput>(k: K) => given[k] ?? current[k];
  return {
    organId: keep('organId'),
    agencyCode: keep('agencyCode'),
    name: given.name || current.name,
    address: keep('address'),
    email: keep('email'),
    phone: keep('phone'),
    fax: keep('fax'),
    website: keep('website'),
    endpointKind: current.endpointKind ?? 'axis',
    endpointUrl: current.endpointKind ? current.endpointUrl : null,
  };
}
