import {
  claimRefusal,
  claimerActRefusal,
  confirmRefusal,
  contactVisible,
  dueAtFor,
  dueDateRefusal,
  editRefusal,
  excluding,
  including,
  isDueSoon,
  isOverdue,
  isPublicWish,
  maskBuilding,
  maskName,
  maskedRecipient,
  mayViewWish,
  reviewRefusal,
  revokeRefusal,
  withdrawRefusal,
  wishStatusLabel,
  type WishState,
  type WishViewer,
} from '../../core/domain/wishes';
import { recordTotals, sortRecordItems, yearSpan } from '../../core/domain/party-record';
import { DAY_MS, HOUR_MS, formatStamp, startOfDay } from '../../core/time';

/** 2026-11-23 10:00 in Shanghai. */
const NOW = Date.UTC(2026, 10, 23, 2, 0, 0);

const wish = (overrides: Partial<WishState> = {}): WishState => ({
  status: 'open',
  hidden: false,
  dueAt: NOW + 5 * DAY_MS,
  recipientId: 'u-poster',
  recipientManaged: false,
  postedBy: 'u-poster',
  claimerId: null,
  ...overrides,
});

const member = (overrides: Partial<WishViewer> = {}): WishViewer => ({
  id: 'u-member',
  roles: ['resident', 'party_member'],
  openClaims: 0,
  claimLimit: 3,
  ...overrides,
});
const staff = { id: 'u-staff', roles: ['resident', 'staff'] as const };
const neighbour = { id: 'u-neighbour', roles: ['resident'] as const };

describe('masking', () => {
  test('the wall names the recipient by surname and building only', () => {
    expect(maskedRecipient('王秀珍', '3号楼')).toBe('王** · 3栋');
    expect(maskedRecipient('欧阳娜娜', '12栋')).toBe('欧** · 12栋');
    expect(maskedRecipient('李四', '')).toBe('李**');
  });

  test('a name never reveals its length; an odd building name is kept as written', () => {
    expect(maskName('王五')).toBe(maskName('王五六七'));
    expect(maskName('  ')).toBe('居民');
    expect(maskBuilding('5幢')).toBe('5栋');
    expect(maskBuilding('社区服务中心')).toBe('社区服务中心');
  });
});

describe('due dates', () => {
  test('a wish is due at the end of its wanted-by day, in community time', () => {
    const wantedBy = Date.UTC(2026, 10, 28, 1, 0); // 28th 09:00 in Shanghai
    expect(formatStamp(dueAtFor(wantedBy))).toBe('2026-11-29 00:00');
    expect(dueAtFor(wantedBy)).toBe(startOfDay(wantedBy) + DAY_MS);
  });

  test('the wanted-by day is today or later, and within 90 days', () => {
    expect(dueDateRefusal(dueAtFor(NOW), NOW)).toBeNull();
    expect(dueDateRefusal(dueAtFor(NOW - DAY_MS), NOW)).toBe('WISH_DUE_INVALID');
    expect(dueDateRefusal(dueAtFor(NOW + 90 * DAY_MS), NOW)).toBeNull();
    expect(dueDateRefusal(dueAtFor(NOW + 91 * DAY_MS), NOW)).toBe('WISH_DUE_INVALID');
  });

  test('overdue and due soon apply only while a wish still waits for help', () => {
    expect(isOverdue(wish({ dueAt: NOW }), NOW)).toBe(true);
    expect(isOverdue(wish({ dueAt: NOW + 1 }), NOW)).toBe(false);
    expect(isOverdue(wish({ status: 'fulfilled', dueAt: NOW - DAY_MS }), NOW)).toBe(false);
    expect(isDueSoon(wish({ dueAt: NOW + 2 * DAY_MS }), NOW)).toBe(true);
    expect(isDueSoon(wish({ dueAt: NOW + 4 * DAY_MS }), NOW)).toBe(false);
    expect(isDueSoon(wish({ dueAt: NOW - HOUR_MS }), NOW)).toBe(false);
  });
});

describe('who may claim', () => {
  test('a verified member may claim an open, public wish that is not theirs', () => {
    expect(claimRefusal(wish(), member(), NOW)).toBeNull();
  });

  test.each([
    ['a resident who is no party member', wish(), member({ roles: ['resident'] }), 'WISH_NOT_MEMBER'],
    ['a volunteer', wish(), member({ roles: ['resident', 'volunteer'] }), 'WISH_NOT_MEMBER'],
    ['staff who are not members', wish(), member({ roles: ['resident', 'staff'] }), 'WISH_NOT_MEMBER'],
    ['the poster', wish({ recipientId: 'u-member', postedBy: 'u-member' }), member(), 'WISH_OWN'],
    [
      'staff who posted it for a neighbour',
      wish({ postedBy: 'u-member', recipientId: 'm-zhang', recipientManaged: true }),
      member({ roles: ['resident', 'staff', 'party_member'] }),
      'WISH_OWN',
    ],
    ['a member at the limit', wish(), member({ openClaims: 3 }), 'WISH_CLAIM_LIMIT'],
    ['a lower limit', wish(), member({ openClaims: 1, claimLimit: 1 }), 'WISH_CLAIM_LIMIT'],
    ['a claimed wish', wish({ status: 'claimed', claimerId: 'u-other' }), member(), 'WISH_TAKEN'],
    ['a fulfilled wish', wish({ status: 'fulfilled', claimerId: 'u-other' }), member(), 'WISH_TAKEN'],
    ['a closed wish', wish({ status: 'closed' }), member(), 'WISH_NOT_CLAIMABLE'],
    ['a pending wish', wish({ status: 'pending' }), member(), 'WISH_NOT_CLAIMABLE'],
    ['a rejected wish', wish({ status: 'rejected' }), member(), 'WISH_NOT_CLAIMABLE'],
    ['a hidden wish', wish({ hidden: true }), member(), 'WISH_NOT_CLAIMABLE'],
    ['an overdue wish', wish({ dueAt: NOW }), member(), 'WISH_OVERDUE'],
  ])('%s cannot', (_name, state, viewer, code) => {
    expect(claimRefusal(state, viewer, NOW)).toBe(code);
  });
});

describe('the claim, fulfilment and confirmation', () => {
  const claimed = wish({ status: 'claimed', claimerId: 'u-member' });

  test('only the live claimer releases or fulfils, and only before fulfilling', () => {
    expect(claimerActRefusal(claimed, 'u-member')).toBeNull();
    expect(claimerActRefusal(claimed, 'u-other')).toBe('WISH_NOT_CLAIMER');
    expect(claimerActRefusal({ ...claimed, status: 'fulfilled' }, 'u-member')).toBe('WISH_NOT_CLAIMED');
    expect(claimerActRefusal(wish(), 'u-member')).toBe('WISH_NOT_CLAIMER');
  });

  test('staff revoke a live claim, fulfilled or not; nobody else does', () => {
    expect(revokeRefusal(claimed, staff)).toBeNull();
    expect(revokeRefusal({ ...claimed, status: 'fulfilled' }, staff)).toBeNull();
    expect(revokeRefusal(wish(), staff)).toBe('WISH_NOT_CLAIMED');
    expect(revokeRefusal(claimed, member())).toBe('FORBIDDEN');
  });

  test('the recipient confirms receipt; for a managed neighbour, staff do', () => {
    const fulfilled = { ...claimed, status: 'fulfilled' as const };
    expect(confirmRefusal(fulfilled, { id: 'u-poster', roles: ['resident'] })).toBeNull();
    expect(confirmRefusal(fulfilled, staff)).toBe('WISH_NOT_RECIPIENT');
    expect(confirmRefusal(fulfilled, member())).toBe('WISH_NOT_RECIPIENT');
    const managed = { ...fulfilled, recipientId: 'm-zhang', recipientManaged: true, postedBy: 'u-staff' };
    expect(confirmRefusal(managed, staff)).toBeNull();
    expect(confirmRefusal(managed, { id: 'm-zhang', roles: ['resident'] })).toBe('WISH_NOT_RECIPIENT');
    expect(confirmRefusal(claimed, { id: 'u-poster', roles: ['resident'] })).toBe('WISH_NOT_FULFILLED');
  });
});

describe('privacy', () => {
  const claimed = wish({ status: 'claimed', claimerId: 'u-member' });

  test('contact details: the live claimer and staff, nobody else', () => {
    expect(contactVisible(claimed, member())).toBe(true);
    expect(contactVisible({ ...claimed, status: 'fulfilled' }, member())).toBe(true);
    expect(contactVisible(claimed, staff)).toBe(true);
    expect(contactVisible(claimed, { id: 'u-poster', roles: ['resident'] })).toBe(false);
    expect(contactVisible(claimed, member({ id: 'u-second' }))).toBe(false);
    expect(contactVisible(claimed, neighbour)).toBe(false);
    // Released (no claimer any more) or closed: masked again.
    expect(contactVisible(wish(), member())).toBe(false);
    expect(contactVisible(wish({ status: 'closed', claimerId: 'u-member' }), member())).toBe(false);
  });

  test('only approved, unhidden wishes are public; the rest only to those involved', () => {
    for (const status of ['open', 'claimed', 'fulfilled', 'closed'] as const) {
      expect(isPublicWish(wish({ status }))).toBe(true);
      expect(isPublicWish(wish({ status, hidden: true }))).toBe(false);
    }
    for (const status of ['pending', 'rejected', 'withdrawn'] as const)
      expect(isPublicWish(wish({ status }))).toBe(false);
    const rejected = wish({ status: 'rejected' });
    expect(mayViewWish(rejected, neighbour)).toBe(false);
    expect(mayViewWish(rejected, { id: 'u-poster', roles: ['resident'] })).toBe(true);
    expect(mayViewWish(rejected, staff)).toBe(true);
    const hiddenClaimed = wish({ status: 'claimed', claimerId: 'u-member', hidden: true });
    expect(mayViewWish(hiddenClaimed, member())).toBe(true);
    expect(mayViewWish(hiddenClaimed, member({ id: 'u-second' }))).toBe(false);
  });
});

describe('staff review, editing and withdrawing', () => {
  test('review decides a pending wish once; approving needs it visible and not past due', () => {
    const pending = wish({ status: 'pending' });
    expect(reviewRefusal(pending, staff, true, NOW)).toBeNull();
    expect(reviewRefusal(pending, staff, false, NOW)).toBeNull();
    expect(reviewRefusal(wish(), staff, true, NOW)).toBe('WISH_REVIEWED');
    expect(reviewRefusal({ ...pending, hidden: true }, staff, true, NOW)).toBe('WISH_HIDDEN');
    expect(reviewRefusal({ ...pending, hidden: true }, staff, false, NOW)).toBeNull();
    expect(reviewRefusal({ ...pending, dueAt: NOW }, staff, true, NOW)).toBe('WISH_DUE_INVALID');
    expect(reviewRefusal(pending, member(), true, NOW)).toBe('FORBIDDEN');
  });

  test('staff edit before a claim; posters (or staff for the managed) withdraw before a claim', () => {
    expect(editRefusal(wish({ status: 'pending' }), staff)).toBeNull();
    expect(editRefusal(wish(), staff)).toBeNull();
    expect(editRefusal(wish({ status: 'claimed', claimerId: 'x' }), staff)).toBe('WISH_NOT_EDITABLE');
    const poster = { id: 'u-poster', roles: ['resident'] as const };
    expect(withdrawRefusal(wish(), poster)).toBeNull();
    expect(withdrawRefusal(wish({ status: 'claimed', claimerId: 'x' }), poster)).toBe(
      'WISH_NOT_WITHDRAWABLE',
    );
    expect(withdrawRefusal(wish(), neighbour)).toBe('FORBIDDEN');
    expect(withdrawRefusal(wish(), staff)).toBe('FORBIDDEN');
    expect(
      withdrawRefusal(wish({ recipientManaged: true, recipientId: 'm-zhang', postedBy: 'u-other' }), staff),
    ).toBeNull();
  });

  test('status labels', () => {
    expect(wishStatusLabel(wish({ status: 'pending' }), NOW)).toBe('待审核');
    expect(wishStatusLabel(wish(), NOW)).toBe('待认领');
    expect(wishStatusLabel(wish({ dueAt: NOW }), NOW)).toBe('已逾期');
    expect(wishStatusLabel(wish({ status: 'fulfilled' }), NOW)).toBe('待确认');
    expect(wishStatusLabel(wish({ hidden: true }), NOW)).toBe('已屏蔽');
    expect(wishStatusLabel(wish({ status: 'closed' }), NOW)).toBe('已完成');
  });
});

test('guard lists add once and remove', () => {
  expect(including(['a'], 'b')).toEqual(['a', 'b']);
  expect(including(['a', 'b'], 'b')).toEqual(['a', 'b']);
  expect(excluding(['a', 'b'], 'a')).toEqual(['b']);
  expect(excluding(['a'], 'z')).toEqual(['a']);
});

describe('the 双报到 record', () => {
  test('a year is the community-time calendar year', () => {
    const { from, to } = yearSpan(2026);
    expect(formatStamp(from)).toBe('2026-01-01 00:00');
    expect(formatStamp(to)).toBe('2027-01-01 00:00');
  });

  test('totals count wishes and events and add up the hours; items newest first', () => {
    const items = [
      { kind: 'wish' as const, title: '修台灯', at: 3, minutes: 0 },
      { kind: 'event' as const, title: '敬老', at: 5, minutes: 90 },
      { kind: 'event' as const, title: '清扫', at: 1, minutes: 60 },
    ];
    expect(recordTotals(items)).toEqual({ wishes: 1, events: 2, minutes: 150 });
    expect(sortRecordItems(items).map((i) => i.title)).toEqual(['敬老', '修台灯', '清扫']);
  });
});
