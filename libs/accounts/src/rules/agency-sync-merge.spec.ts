import type { ListedAgency } from './agency-import-plan';
import { mergeListedAgency } from './agency-sync-merge';
import { normaliseAgencyInput } from './external-agency-input';

const listed = (fields: Record<string, string | null>) => normaliseAgencyInput({ endpointKind: 'axis', endpointUrl: null, ...fields });

describe('an agency of the axis list over the directory entry', () => {
  const entry: ListedAgency = {
    id: 'e1',
    active: true,
    organId: '000.00.44.K72',
    agencyCode: null,
    name: 'Sở Giáo dục',
    address: 'Số 1 đường A',
    email: 'vanthu@sgd.gov.vn',
    phone: null,
    fax: null,
    website: null,
    endpointKind: 'installation',
    endpointUrl: 'https://eoffice.sgd.gov.vn',
  };

  it('a new agency is reached through the axis', () => {
    expect(mergeListedAgency(listed({ organId: '000.00.45.K72', agencyCode: 'K72.45', name: 'Sở Tư pháp' }), undefined)).toMatchObject({ organId: '000.00.45.K72', agencyCode: 'K72.45', endpointKind: 'axis', endpointUrl: null });
  });

  it('keeps the way the entry is reached, and what the list leaves empty; listed fields and the 2020 code win', () => {
    const merged = mergeListedAgency(listed({ organId: '000.00.44.K72', agencyCode: 'K72.44', name: 'Sở Giáo dục và Đào tạo', email: null }), entry);
    expect(merged).toEqual({
      organId: '000.00.44.K72',
      agencyCode: 'K72.44',
      name: 'Sở Giáo dục và Đào tạo',
      address: 'Số 1 đường A',
      email: 'vanthu@sgd.gov.vn',
      phone: null,
      fax: null,
      website: null,
      endpointKind: 'installation',
      endpointUrl: 'https://eoffice.sgd.gov.vn',
    });
  });
});
