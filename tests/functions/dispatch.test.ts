/** How a CloudBase invocation is told apart: a timer trigger runs a job, anything with a caller is routed. */
import { dispatch } from '../../cloudfunctions/runtime/dispatch';
import type { Job } from '../../cloudfunctions/runtime/jobs';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

let cloud: TestCloud;
beforeEach(() => {
  cloud = startTestCloud();
});
afterEach(() => cloud.close());

test('a request that carries a caller never runs a scheduled job, whatever its body says', async () => {
  const job: Job = { name: 'autoCloseHours', cron: '', everyMs: 1, run: jest.fn(async () => 'ran') };
  const route = jest.fn(async () => ({ ok: false as const, code: 'UNKNOWN_ACTION' as const, message: '' }));
  const timer = { Type: 'Timer', TriggerName: 'autoCloseHours' };
  expect(await dispatch(timer, 'wx-someone', route, [job], cloud.deps)).toMatchObject({ ok: false });
  expect(job.run).not.toHaveBeenCalled();
  expect(route).toHaveBeenCalledWith(timer, { openid: 'wx-someone' }, cloud.deps);
  expect(await dispatch(timer, null, route, [job], cloud.deps)).toEqual({ ok: true, data: 'ran' });
});
