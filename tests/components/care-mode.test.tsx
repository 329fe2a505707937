/**
 * 关怀模式 on the phone: offered on first launch and again when the phone is set to large text
 * (WeChat's 字体大小, `getAppBaseInfo().fontSizeSetting`); its own tab bar on the tab pages,
 * where WeChat's cannot grow its labels, opening each tab with switchTab.
 */
import './support/h5-env';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ROUTES, TAB_ROUTES } from '@core/routes';
import { PageShell } from '../../src/components/page-shell';
import { TAB_ITEMS } from '../../src/components/tab-bar/items';
import { careOfferDue, offerCareMode, phoneHasLargeText } from '../../src/services/care-mode';
import { useSession } from '../../src/stores/session';
import { readPhoneFontPx } from '../../src/services/phone-font';
import { readPhoneFontPx as readPhoneFontPxInH5 } from '../../src/services/phone-font.h5';
import { useSettings } from '../../src/stores/settings';
import { residentFixture } from './support/fixtures';
import { fakeTransport } from './support/transport';

const showModal = Taro.showModal as jest.Mock;
const switchTab = Taro.switchTab as jest.Mock;
const useRouter = Taro.useRouter as jest.Mock;

describe('the offer of 关怀模式', () => {
  test('once on first launch; not again unless the phone is then set to large text', () => {
    useSettings.setState({ careModeAsked: false, careModeAskedLargeText: false, phoneFontPx: 17 });
    expect(careOfferDue()).toBe(true);
    useSettings.getState().markCareModeAsked(false);
    expect(careOfferDue()).toBe(false);
    // The resident later turns up WeChat's 字体大小 (+2 steps is 19.5 px and more).
    useSettings.setState({ phoneFontPx: 22 });
    expect(careOfferDue()).toBe(true);
    useSettings.getState().markCareModeAsked(true);
    expect(careOfferDue()).toBe(false);
    // Already on: nothing to offer.
    useSettings.setState({ careModeAsked: false, careModeAskedLargeText: false, careMode: true });
    expect(careOfferDue()).toBe(false);
    expect([phoneHasLargeText(undefined), phoneHasLargeText(18), phoneHasLargeText(19.5)]).toEqual([
      false,
      false,
      true,
    ]);
  });

  test('a phone set to large text is told so, and accepting turns it on here and on the profile', async () => {
    useSession.setState({ status: 'ready', user: residentFixture() });
    useSettings.setState({ careModeAsked: true, careModeAskedLargeText: false, phoneFontPx: 23.8 });
    const transport = fakeTransport({
      'user.setCareMode': { ok: true, data: residentFixture({ careMode: true }) },
    });
    showModal.mockResolvedValueOnce({ confirm: true, cancel: false });
    await offerCareMode();
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '需要大字体吗？',
        content: expect.stringContaining('您的手机设置了大字体'),
        confirmText: '开启',
        cancelText: '暂不需要',
      }),
    );
    expect(useSettings.getState()).toMatchObject({ careMode: true, careModeAskedLargeText: true });
    expect(transport).toHaveBeenCalledWith('user', { action: 'setCareMode', input: { enabled: true } });
  });

  test('declining keeps it off and is not asked again', async () => {
    useSettings.setState({ careModeAsked: false, phoneFontPx: undefined });
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await offerCareMode();
    await offerCareMode();
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(useSettings.getState()).toMatchObject({ careMode: false, careModeAsked: true });
  });

  test('the phone’s text size comes from getAppBaseInfo; H5 has none', () => {
    const getAppBaseInfo = Taro.getAppBaseInfo as jest.Mock;
    getAppBaseInfo.mockReturnValueOnce({ fontSizeSetting: 22 });
    expect(readPhoneFontPx()).toBe(22);
    getAppBaseInfo.mockReturnValueOnce({ fontSizeSetting: Number.NaN });
    expect(readPhoneFontPx()).toBeUndefined();
    // The H5 build's own file asks nothing.
    expect(readPhoneFontPxInH5()).toBeUndefined();
  });
});

describe('关怀模式’s tab bar', () => {
  function renderTabPage(path: string) {
    useRouter.mockReturnValue({ params: {}, path });
    useSession.setState({ status: 'ready', user: residentFixture() });
    render(
      <PageShell>
        <span>页面内容</span>
      </PageShell>,
    );
  }

  test('the tab pages are the app’s four, in the order of WeChat’s own bar', () => {
    expect(TAB_ITEMS.map((t) => t.route)).toEqual([...TAB_ROUTES]);
  });

  test('in 关怀模式 a tab page hides WeChat’s bar and draws its own; a tap opens the tab with switchTab', async () => {
    useSettings.setState({ careMode: true });
    renderTabPage(`/${ROUTES.home}`);
    const items = await screen.findAllByTestId('tab-bar-item');
    expect(items.map((item) => item.textContent)).toEqual(['首页', '活动', '积分', '我的']);
    expect(items[0].classList.contains('llt-tab-bar__item--on')).toBe(true);
    await waitFor(() => expect(Taro.hideTabBar).toHaveBeenCalled());
    fireEvent.click(screen.getByText('活动'));
    expect(switchTab).toHaveBeenCalledWith({ url: `/${ROUTES.events}` });
    // The tab in front does nothing.
    switchTab.mockClear();
    fireEvent.click(screen.getByText('首页'));
    expect(switchTab).not.toHaveBeenCalled();
  });

  test('in normal mode WeChat’s bar shows and no second one is drawn; pages off the bar never have one', async () => {
    useSettings.setState({ careMode: false });
    renderTabPage(`/${ROUTES.points}`);
    await screen.findByText('页面内容');
    await waitFor(() => expect(Taro.showTabBar).toHaveBeenCalled());
    expect(screen.queryByTestId('tab-bar')).toBeNull();
    act(() => useSettings.getState().setCareMode(true));
    await screen.findByTestId('tab-bar');
  });

  test('a page that is not a tab never draws the bar nor touches WeChat’s', async () => {
    useSettings.setState({ careMode: true });
    renderTabPage(`/${ROUTES.history}`);
    await screen.findByText('页面内容');
    expect(screen.queryByTestId('tab-bar')).toBeNull();
    expect(Taro.hideTabBar).not.toHaveBeenCalled();
  });
});
