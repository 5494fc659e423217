// Quản trị tổ chức và tài khoản: the organisation tree and the people (docs/authorization.md, the
// administrator's rows). Every call is the API's; the pages only hide what the role cannot do.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, api } from './client';
import type { components, operations } from './schema';

export type Unit = components['schemas']['UnitDto'];
export type UserSummary = components['schemas']['UserDto'];
export type UserDetail = components['schemas']['UserDetailDto'];
export type AccountRole = UserSummary['roles'][number];
export type HireInput = components['schemas']['CreateUserDto'];
export type Hired = components['schemas']['HiredDto'];
export type PasswordReset = components['schemas']['PasswordResetDto'];
export type NewUnit = components['schemas']['CreateUnitDto'];
export type UnitChanges = components['schemas']['UpdateUnitDto'];
export type PeopleQuery = NonNullable<operations['UsersController_list']['parameters']['query']>;

export const ROLE_LABELS: Record<AccountRole, string> = {
  admin: 'Quản trị hệ thống',
  clerk: 'Văn thư',
  leader: 'Lãnh đạo',
  officer: 'Chuyên viên',
  leadership: 'Ban giám đốc',
};

export const peopleKeys = {
  units: ['units'] as const,
  all: ['admin', 'users'] as const,
  list: (query: PeopleQuery) => ['admin', 'users', 'list', query] as const,
  detail: (id: string) => ['admin', 'users', 'detail', id] as const,
};

export function usePeople(query: PeopleQuery) {
  return useQuery({
    queryKey: peopleKeys.list(query),
    queryFn: () => answer(api.GET('/api/v1/users', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: peopleKeys.detail(id), queryFn: () => answer(api.GET('/api/v1/users/{id}', { params: { path: { id } } })) });
}

/** After a change to people or units: the lists and the tree (the tree names each unit's head) are stale. */
export function useRefreshPeople() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: peopleKeys.all }), queryClient.invalidateQueries({ queryKey: peopleKeys.units })]);
}

const path = (id: string) => ({ params: { path: { id } } });

export const peopleCalls = {
  hire: (body: HireInput) => answer(api.POST('/api/v1/users', { body })),
  transfer: (id: string, unitId: string, position?: string) => answer(api.POST('/api/v1/users/{id}/transfer', { ...path(id), body: { unitId, position } })),
  changeRoles: (id: string, roles: AccountRole[]) => answer(api.PUT('/api/v1/users/{id}/roles', { ...path(id), body: { roles } })),
  deactivate: (id: string, reason: string) => answer(api.POST('/api/v1/users/{id}/deactivate', { ...path(id), body: { reason } })),
  reactivate: (id: string) => answer(api.POST('/api/v1/users/{id}/reactivate', path(id))),
  resetPassword: (id: string) => answer(api.POST('/api/v1/users/{id}/reset-password', path(id))),
  resetMfa: (id: string) => answer(api.POST('/api/v1/users/{id}/mfa/reset', path(id))),
  createUnit: (body: NewUnit) => answer(api.POST('/api/v1/units', { body })),
  renameUnit: (id: string, body: UnitChanges) => answer(api.PATCH('/api/v1/units/{id}', { ...path(id), body })),
  // SetHeadDto's userId is typed `object` by the generator (a nullable uuid): the API takes a string or null.
  setHead: (id: string, userId: string | null) => answer(api.PUT('/api/v1/units/{id}/head', { ...path(id), body: { userId: userId as unknown as Record<string, never> } })),
};
