import { useEffect, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type EventView } from '@core/contract';
import { parseToken, tokenFromScan, type Purpose } from '@core/domain/checkin-token';
import { AppError } from '@core/errors';
import { formatTime } from '@core/time';
import { TextField } from '../../../components/form/text-field';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useForm } from '../../../hooks/use-form';
import { useParams } from '../../../hooks/use-params';
import { showError } from '../../../services/feedback';
import { canScan, scanQr } from '../../../services/scan';
import { useSession } from '../../../stores/session';

const WHAT: Record<Purpose, string> = { in: '签到', out: '签退' };

/** Whether a scanned code is for 签到 or 签退: the token says. */
function purposeOf(token: string): Purpose | null {
  try {
    return parseToken(token).purpose;
  } catch (error) {
    showError(error instanceof AppError ? error : { message: '这不是签到码' });
    return null;
  }
}

/**
 * 扫码签到: the leader's QR — scanned here, or by WeChat's own 扫一扫, which opens this page with
 * the code's link as `q` and checks in at once — or, for a phone that cannot scan, the six-digit
 * 口令 beside the QR, typed, with 签到 or 签退.
 */
export default function Scan() {
  const { q } = useParams('scan');
  const status = useSession((s) => s.status);
  const form = useForm(contract.events.checkIn.input, { token: '' });
  const checkIn = useAction('events', 'checkIn');
  const checkOut = useAction('events', 'checkOut');
  const [done, setDone] = useState('');

  const send = async (purpose: Purpose, token: string) => {
    const event: EventView | undefined = await (purpose === 'in' ? checkIn : checkOut).run({ token });
    if (!event) return;
    const at = purpose === 'in' ? event.mine?.checkInAt : event.mine?.checkOutAt;
    setDone(`${event.title}：${WHAT[purpose]}成功（${formatTime(at ?? Date.now())}）`);
    form.reset({ token: '' });
  };

  const sendScanned = async (scanned: string | null | undefined) => {
    const token = scanned ? tokenFromScan(scanned) : null;
    if (!token) return showError({ message: '这不是签到码' });
    const purpose = purposeOf(token);
    if (purpose) await send(purpose, token);
  };

  // Opened from WeChat's 扫一扫: check in as soon as the resident is logged in, once.
  const opened = useRef(false);
  useEffect(() => {
    if (!q || opened.current || status !== 'ready') return;
    opened.current = true;
    void sendScanned(q);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per opening link
  }, [q, status]);

  const typed = (purpose: Purpose) => void form.submit((input) => send(purpose, input.token));
  const busy = checkIn.busy || checkOut.busy;
  return (
    <PageShell>
      {done && <Section title={done} testId="checkin-done" />}
      {canScan && (
        <View className="form-actions">
          <Button
            type="primary"
            block
            size="large"
            disabled={busy}
            onClick={async () => sendScanned(await scanQr())}
          >
            扫负责人的签到码
          </Button>
        </View>
      )}
      <Section title="扫不了码？输入口令">
        <TextField
          {...form.field('token')}
          name="checkinPhrase"
          type="number"
          label="口令"
          placeholder="负责人手机上的6位数字"
        />
        <View className="actions">
          {(['in', 'out'] as const).map((purpose) => (
            <Button
              key={purpose}
              type={purpose === 'in' ? 'primary' : 'default'}
              disabled={busy}
              onClick={() => typed(purpose)}
            >
              {WHAT[purpose]}
            </Button>
          ))}
        </View>
      </Section>
    </PageShell>
  );
}
