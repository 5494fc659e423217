/** Roles of the API contract. A person may hold several. */
export const Role = {
  admin: 'admin', // quản trị (phòng CNTT)
  clerk: 'clerk', // văn thư
  leader: 'leader', // lãnh đạo
  officer: 'officer', // chuyên viên
  leadership: 'leadership', // ban giám đốc
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ALL_ROLES: readonly Role[] = Object.values(Role);
