import { Role } from './role';

/**
 * How far a person's view of documents reaches, from narrow to wide:
 * `own` — items they created or that were assigned to them personally;
 * `unit` — plus everything addressed to the units they handle (their unit, units they head,
 *   units whose inbox was delegated to them);
 * `subtree` — plus every unit below those;
 * `agency` — every unit of their agency.
 * A person holding several roles gets the widest of their roles' scopes.
 */
export const DataScope = { own: 'own', unit: 'unit', subtree: 'subtree', agency: 'agency' } as const;
export type DataScope = (typeof DataScope)[keyof typeof DataScope];

const WIDTH: Record<DataScope, number> = { own: 0, unit: 1, subtree: 2, agency: 3 };

/** The default of docs/authorization.md; document flows may narrow it further (confidential items). */
export const ROLE_DATA_SCOPE: Readonly<Record<Role, DataScope>> = {
  [Role.admin]: DataScope.own, // administers accounts, does not handle documents
  [Role.officer]: DataScope.unit,
  [Role.leader]: DataScope.subtree,
  [Role.clerk]: DataScope.agency, // registers and dispatches for the whole agency
  [Role.leadership]: DataScope.agency,
};

export function dataScopeOf(roles: readonly Role[]): DataScope {
  return roles.reduce<DataScope>(
    (widest, role) => (WIDTH[ROLE_DATA_SCOPE[role]] > WIDTH[widest] ? ROLE_DATA_SCOPE[role] : widest),
    DataScope.own,
  );
}
