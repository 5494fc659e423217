export { convertLegacyVietnamese, toUnicode, type ToUnicodeResult } from './legacy-converter';
export { TCVN3_TO_UNICODE } from './tcvn3-table';
export { VNI_CANONICAL, VNI_TO_UNICODE } from './vni-table';
