import { useEffect, useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@core/contract';
import { formatDateTime } from '@core/time';
import { PageShell } from '../../../components/page-shell';
import { SignedAmount, signedValue, type Sign } from '../../../components/signed-amount';
import { TextField } from '../../../components/text-field';
import { call } from '../../../services/cloud';
import { showDone, showError } from '../../../services/feedback';
import { newRequestId } from '../../../services/request-id';

type Account = OutputOf<'points', 'accountOf'>;

/** Staff credit or debit a resident's points by hand; the reason is shown in their history. */
export default function Adjust() {
  const { params } = useRouter();
  const userId = params.userId ?? '';
  const [account, setAccount] = useState<Account | null>(null);
  const [form, setForm] = useState({ amount: '', reason: '' });
  const [sign, setSign] = useState<Sign>('plus');
  const requestId = useRef(newRequestId());

  const load = async () => {
    const res = await call('points', 'accountOf', { userId });
    if (res.ok) setAccount(res.data);
    else showError(res);
  };
  useEffect(() => void load(), [userId]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async () => {
    const res = await call('points', 'adjust', {
      userId,
      amount: signedValue(sign, form.amount),
      reason: form.reason,
      requestId: requestId.current,
    });
    if (!res.ok) return showError(res);
    requestId.current = newRequestId();
    setForm({ amount: '', reason: '' });
    showDone('已调整');
    await load();
  };

  return (
    <PageShell>
      {account && (
        <View className="section">
          <View className="section__title">{account.name}</View>
          <View>
            当前积分 {account.account.balance} · 累计获得 {account.account.earned} · 已使用{' '}
            {account.account.spent}
          </View>
        </View>
      )}
      <View className="section">
        <SignedAmount
          name="amount"
          label="积分"
          sign={sign}
          amount={form.amount}
          onSign={setSign}
          onAmount={(amount) => setForm((f) => ({ ...f, amount }))}
          labels={{ plus: '增加', minus: '扣减' }}
        />
        <TextField
          name="reason"
          label="调整原因"
          value={form.reason}
          onChange={(reason) => setForm((f) => ({ ...f, reason }))}
          placeholder="必填，居民可见"
          maxLength={100}
        />
        <View className="form-actions">
          <Button type="primary" block onClick={() => void submit()}>
            确认调整
          </Button>
        </View>
      </View>
      <View className="section">
        {account?.entries.map((e) => (
          <View key={e.id} className="list-item row">
            <View>
              <View>{e.description}</View>
              <View className="muted">{formatDateTime(e.createdAt)}</View>
            </View>
            <View>
              {e.amount > 0 ? '+' : ''}
              {e.amount}
            </View>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
