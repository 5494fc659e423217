import { type AgencyImportResult, type ExternalAgency, parentOrganId } from '@eoffice/accounts';
import { toPage, type Counted, type PageRequest } from '@eoffice/core';
import type { AgencyDto, AgencyImportResultDto, AgencyPageDto } from './dto/agencies.dto';

export function toAgencyDto(a: ExternalAgency): AgencyDto {
  return {
    id: a.id,
    organId: a.organId,
    agencyCode: a.agencyCode,
    parentOrganId: a.organId ? parentOrganId(a.organId) : null,
    name: a.name,
    address: a.address,
    email: a.email,
    phone: a.phone,
    fax: a.fax,
    website: a.website,
    endpointKind: a.endpointKind,
    endpointUrl: a.endpointUrl,
    source: a.source,
    active: a.active,
    updatedAt: new Date(a.updatedAt).toISOString(),
  };
}

export const toAgencyPageDto = (list: Counted<ExternalAgency>, request: PageRequest): AgencyPageDto => toPage(list, request, toAgencyDto);

export const toAgencyImportResultDto = (result: AgencyImportResult): AgencyImportResultDto => ({ ...result });
