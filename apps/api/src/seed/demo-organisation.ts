import type { Role } from '@eoffice/accounts';

/**
 * DEMO MATERIAL — a made-up provincial department of education, for trying the system out.
 * Every demo person shares DEMO_PASSWORD; never load this into a production database.
 */
export const DEMO_PASSWORD = 'Demo@2026!';

export const DEMO_AGENCY = { code: 'SGDĐT', name: 'Sở Giáo dục và Đào tạo tỉnh Tây Ninh (DEMO)', placeName: 'Tây Ninh' };

export const DEMO_DEPARTMENTS = [
  { code: 'VP', name: 'Văn phòng Sở' },
  { code: 'GDTRH', name: 'Phòng Giáo dục Trung học' },
  { code: 'TCCB', name: 'Phòng Tổ chức cán bộ' },
] as const;

export const DEMO_SCHOOL = { code: 'THPTTDN', name: 'Trường THPT Trần Đại Nghĩa (DEMO)', placeName: 'Tây Ninh' };

export interface DemoPerson {
  fullName: string;
  unit: 'agency' | 'school' | (typeof DEMO_DEPARTMENTS)[number]['code'];
  roles: Role[];
  position: string;
  headOfUnit?: boolean;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { fullName: 'Trần Thị Ánh Tuyết', unit: 'agency', roles: ['leader'], position: 'Giám đốc Sở', headOfUnit: true },
  { fullName: 'Phạm Thu Hà', unit: 'agency', roles: ['leadership'], position: 'Phó Giám đốc Sở' },
  { fullName: 'Nguyễn Văn Bằng', unit: 'VP', roles: ['clerk'], position: 'Văn thư' },
  { fullName: 'Lê Minh Khoa', unit: 'GDTRH', roles: ['leader'], position: 'Trưởng phòng', headOfUnit: true },
  { fullName: 'Đặng Quang Huy', unit: 'GDTRH', roles: ['officer'], position: 'Chuyên viên' },
  { fullName: 'Võ Thị Lan', unit: 'TCCB', roles: ['officer'], position: 'Chuyên viên' },
  // The attached school receives the department's documents inside the system.
  { fullName: 'Hồ Văn Tâm', unit: 'school', roles: ['leader'], position: 'Hiệu trưởng', headOfUnit: true },
  { fullName: 'Ngô Thị Mai', unit: 'school', roles: ['clerk'], position: 'Văn thư' },
];

export const DEMO_REGISTERS = [
  { kind: 'incoming', code: 'DEN', name: 'Sổ đăng ký văn bản đến', confidential: false },
  { kind: 'incoming', code: 'DEN-MAT', name: 'Sổ đăng ký văn bản đến mật', confidential: true },
  { kind: 'outgoing', code: 'DI', name: 'Sổ đăng ký văn bản đi', confidential: false },
  { kind: 'outgoing', code: 'DI-MAT', name: 'Sổ đăng ký văn bản đi mật', confidential: true },
] as const;
