/** The four kinds of people the app serves. Every registered user is at least a resident. */
export const ROLES = ['resident', 'volunteer', 'party_member', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  party_member: '双报到党员',
  staff: '社区工作人员',
};

/** Who may call an action: a list of roles (any one suffices). Deny by default. */
export function mayCall(callerRoles: readonly Role[], allowed: readonly Role[]): boolean {
  return allowed.some((role) => callerRoles.includes(role));
}

export function withRole(roles: readonly Role[], role: Role): Role[] {
  return roles.includes(role) ? [...roles] : [...roles, role];
}

/** Display order: the most responsible role first. */
export function sortRoles(roles: readonly Role[]): Role[] {
  return [...roles].sort((a, b) => ROLES.indexOf(b) - ROLES.indexOf(a));
}

/** Who may lead an event (run its check-in and confirm hours): staff and registered volunteers. */
export const LEADER_ROLES: readonly Role[] = ['staff', 'volunteer'];

export function mayLead(roles: readonly Role[]): boolean {
  return roles.some((role) => LEADER_ROLES.includes(role));
}
