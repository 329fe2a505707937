import { ROLES, mayCall, mayLead, sortRoles, withRole } from '../../core/domain/roles';
import { displayName } from '../../core/domain/users';

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

test('staff and volunteers may lead an event; a resident or party member alone may not', () => {
  expect(mayLead(['resident', 'staff'])).toBe(true);
  expect(mayLead(['resident', 'volunteer'])).toBe(true);
  expect(mayLead(['resident', 'party_member'])).toBe(false);
});

test('people are named by their real name once they gave one', () => {
  expect(displayName({ realName: '李强', nickname: '李志愿' })).toBe('李强');
  expect(displayName({ realName: '', nickname: '李志愿' })).toBe('李志愿');
});
