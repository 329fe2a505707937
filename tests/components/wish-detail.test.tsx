/** The wish detail page shows whom to contact only when the server says the caller may see it. */
import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { WishView } from '@core/contract';
import WishDetail from '../../src/packages/wishes/detail';
import { useSession } from '../../src/stores/session';
import { residentFixture, wishFixture } from './support/fixtures';
import { fakeTransport } from './support/transport';

const useRouter = Taro.useRouter as unknown as jest.Mock;
const ok = (data: unknown) => ({ ok: true as const, data });
const claim = { memberName: '陈建国', claimedAt: Date.UTC(2026, 10, 22) };

async function open(wish: WishView, roles = ['resident', 'party_member']) {
  useSession.setState({ status: 'ready', user: residentFixture({ roles }) });
  useRouter.mockReturnValue({ params: { id: wish.id }, path: '' });
  const transport = fakeTransport({ 'wishes.get': ok(wish), 'moderation.myReport': ok(null) });
  render(<WishDetail />);
  await screen.findByTestId('wish-story');
  return transport;
}

test('the member holding the claim sees the contact, and may mark it done or give it up', async () => {
  await open(
    wishFixture({
      status: 'claimed',
      statusLabel: '已认领',
      claim,
      isClaimer: true,
      contactVisible: true,
      contact: { name: '张桂英', phone: '', address: '1号楼1单元101' },
      mayFulfil: true,
      mayRelease: true,
    }),
  );
  const contact = screen.getByTestId('wish-contact').textContent;
  expect(contact).toContain('张桂英');
  expect(contact).toContain('1号楼1单元101');
  expect(contact).toContain('未留电话');
  expect(screen.getByText('标记完成')).toBeTruthy();
});

test('a second member sees the masked recipient and why they cannot claim, never a contact', async () => {
  const transport = await open(
    wishFixture({
      status: 'claimed',
      statusLabel: '已认领',
      claim: { ...claim, memberName: '陈**' },
      claimBlockedReason: '该心愿已被其他党员认领',
      mayReport: true,
    }),
  );
  expect(screen.queryByTestId('wish-contact')).toBeNull();
  expect(screen.getByTestId('wish-story').textContent).toContain('王** · 3栋');
  expect(screen.getByTestId('wish-progress').textContent).toContain('认领人：陈**');
  expect(screen.queryByText('我来认领')).toBeNull();
  // The report button asks whether this member already reported it.
  await screen.findByText('举报');
  expect(transport).toHaveBeenCalledWith('moderation', {
    action: 'myReport',
    input: { kind: 'wish', id: 'w-1' },
  });
});

test('an open wish the member may claim offers the claim', async () => {
  await open(wishFixture({ mayClaim: true }));
  expect(screen.getByText('我来认领')).toBeTruthy();
  expect(screen.queryByTestId('claim-blocked')).toBeNull();
});

test('a neighbour who is not a member is told why, and where 双报到 is explained', async () => {
  await open(wishFixture({ claimBlockedReason: '仅通过双报到认证的党员可以认领微心愿' }), ['resident']);
  expect(screen.queryByText('我来认领')).toBeNull();
  expect(screen.getByTestId('claim-blocked').textContent).toContain('仅通过双报到认证的党员可以认领微心愿');
  expect(screen.getByText('了解双报到')).toBeTruthy();
});
