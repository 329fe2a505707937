/**
 * Every action × every role, generated from the contract: a new action cannot skip it.
 * Allowed callers never see FORBIDDEN; everyone else always does. Unregistered callers
 * may only log in.
 */
import { contract } from '../../core/contract';
import type { ActionSpec } from '../../core/contract/define';
import { mayCall, type Role } from '../../core/domain/roles';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const PROFILES: Record<string, Role[]> = {
  resident: ['resident'],
  volunteer: ['resident', 'volunteer'],
  party_member: ['resident', 'party_member'],
  staff: ['resident', 'staff'],
};

const cases = Object.entries(contract).flatMap(([fn, actions]) =>
  Object.entries(actions as Record<string, ActionSpec>).flatMap(([action, spec]) =>
    Object.entries(PROFILES).map(([profile, roles]) => ({ fn, action, spec, profile, roles })),
  ),
);

let cloud: TestCloud;

beforeAll(async () => {
  cloud = startTestCloud();
  for (const [profile, roles] of Object.entries(PROFILES)) await cloud.addUser(`matrix-${profile}`, roles);
});

afterAll(() => cloud.close());

test.each(cases)('$fn.$action as $profile', async ({ fn, action, spec, profile, roles }) => {
  const res = await cloud.invoke(fn, { action, input: {} }, `matrix-${profile}`);
  const allowed = mayCall(roles, spec.roles);
  if (allowed) expect(res.ok ? 'ok' : res.code).not.toBe('FORBIDDEN');
  else expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

test.each(
  Object.entries(contract).flatMap(([fn, actions]) =>
    Object.entries(actions as Record<string, ActionSpec>).map(([action, spec]) => ({ fn, action, spec })),
  ),
)('$fn.$action without a registered user', async ({ fn, action, spec }) => {
  const res = await cloud.invoke(fn, { action, input: {} }, `stranger-${fn}-${action}`);
  if (spec.registers) expect(res.ok ? 'ok' : res.code).not.toBe('UNAUTHENTICATED');
  else expect(res).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
});

test('every action names at least one role and the staff-only ones exclude residents', () => {
  for (const actions of Object.values(contract)) {
    for (const spec of Object.values(actions as Record<string, ActionSpec>)) {
      expect(spec.roles.length).toBeGreaterThan(0);
    }
  }
  expect(contract.user.decideApplication.roles).toEqual(['staff']);
});
