import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { Tabs } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@core/contract';
import { STEP_MS, formatPhrase } from '@core/domain/checkin-token';
import { PageShell } from '../../../components/page-shell';
import { QrCode } from '../../../components/qr-code';
import { Skeleton } from '../../../components/skeleton';
import { useParams } from '../../../hooks/use-params';
import { call } from '../../../services/cloud';
import { showError } from '../../../services/feedback';

type Code = OutputOf<'events', 'checkinCode'>;

const RETRY_MS = 3000;
type Purpose = 'in' | 'out';

/**
 * The leader's screen at the event: a QR that changes every 30 seconds, and its six-digit 口令
 * for a phone that cannot scan. The QR holds a link, so WeChat's own 扫一扫 opens the 扫码签到
 * page with it; no token is shown as text. Not `useCall`: the code is fetched again as each
 * step begins, and a failure is retried rather than shown, so a stale code never stays on screen.
 */
export default function CheckinCode() {
  const params = useParams('leaderCode');
  const eventId = params.id ?? '';
  const [purpose, setPurpose] = useState<Purpose>(params.purpose ?? 'in');
  const [code, setCode] = useState<Code | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const refresh = async () => {
      const res = await call('events', 'checkinCode', { eventId, purpose });
      if (stopped) return;
      if (!res.ok) {
        // A network blip must not leave a stale code on screen: keep trying.
        showError(res);
        timer = setTimeout(() => void refresh(), RETRY_MS);
        return;
      }
      setCode(res.data);
      // A token stays valid for its step and the next; fetch a new one as each step begins,
      // counted on the server's clock (the phone's may be off).
      const untilNextStep = res.data.expiresAt - STEP_MS - res.data.serverNow;
      timer = setTimeout(() => void refresh(), Math.max(1000, untilNextStep + 200));
    };
    void refresh();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [eventId, purpose]);

  const what = purpose === 'in' ? '签到' : '签退';
  return (
    <PageShell>
      <Tabs value={purpose} onChange={(v) => setPurpose(v as Purpose)}>
        <Tabs.TabPane value="in" title="签到码" />
        <Tabs.TabPane value="out" title="签退码" />
      </Tabs>
      {!code && <Skeleton shape="detail" />}
      {code && (
        <View className="section center" data-testid="checkin-code">
          <QrCode text={code.payload} size={260} />
          <View className="section__title">请志愿者用微信扫码{what}</View>
          <View className="muted">二维码每30秒自动更新，截图无效</View>
          <View className="muted">扫不了码时，在「活动 → 扫码签到」输入{what}口令：</View>
          <View className="pickup-code" data-testid="checkin-phrase">
            {formatPhrase(code.phrase)}
          </View>
        </View>
      )}
    </PageShell>
  );
}
