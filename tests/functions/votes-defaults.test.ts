/** 百姓点菜 before staff have set anything: the defaults (公示 3 days), then staff's own. */
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const STAFF = 'wx-staff';
let cloud: TestCloud;

beforeEach(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
});
afterEach(() => cloud.close());

test('a community that never saved its settings has a 3-day 公示 and a support threshold of 10', async () => {
  expect(await cloud.ok(STAFF, 'votes', 'votingSettings', {})).toEqual({
    supportThreshold: 10,
    publicityDays: 3,
  });
  await cloud.ok(STAFF, 'votes', 'saveVotingSettings', { supportThreshold: 5, publicityDays: 7 });
  expect(await cloud.ok(STAFF, 'votes', 'votingSettings', {})).toEqual({
    supportThreshold: 5,
    publicityDays: 7,
  });
});
