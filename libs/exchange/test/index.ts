// Test support of @eoffice/exchange — for specs, end-to-end suites and benches only.
export { makeAgencyKeys, type AgencyKeys } from './agency-keys';
export { sampleHeader } from './sample-header';
