import { ROLES, mayCall, sortRoles, withRole } from '../../core/domain/roles';

test('any one allowed role suffices; none denies', () => {
  expect(mayCall(['resident'], ['resident'])).toBe(true);
  expect(mayCall(['resident', 'volunteer'], ['staff', 'volunteer'])).toBe(true);
  expect(mayCall(['resident', 'volunteer'], ['staff'])).toBe(false);
  expect(mayCall([], ['resident'])).toBe(false);
});

test('withRole adds once and does not mutate', () => {
  const roles = ['resident'] as const;
  expect(withRole(roles, 'staff')).toEqual(['resident', 'staff']);
  expect(withRole(['resident', 'staff'], 'staff')).toEqual(['resident', 'staff']);
  expect(roles).toEqual(['resident']);
});

test('roles display most responsible first', () => {
  expect(sortRoles([...ROLES])).toEqual(['staff', 'party_member', 'volunteer', 'resident']);
});
