import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract } from '@core/contract';
import { formatDateTime } from '@core/time';
import { TextField } from '../../../components/form/text-field';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { SignedAmountField } from '../../../components/signed-amount';
import { SignedNumber } from '../../../components/signed-number';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useForm } from '../../../hooks/use-form';
import { usePaged } from '../../../hooks/use-paged';
import { useParams } from '../../../hooks/use-params';

// The request id is the hook's (one per intent), not something staff fill in.
const schema = contract.points.adjust.input.omit({ requestId: true });
const BLANK = { amount: undefined, reason: '' };

/** Staff credit or debit a resident's points by hand; the reason is shown in their history. */
export default function Adjust() {
  const { userId = '' } = useParams('staffAdjust');
  const account = useCall('points', 'accountOf', { userId });
  const history = usePaged('points', 'historyOf', { userId });
  const form = useForm(schema, BLANK);
  const adjust = useAction('points', 'adjust', {
    confirm: ({ amount, reason }) => ({
      title: amount > 0 ? '增加积分' : '扣减积分',
      content: `${account.data?.name ?? ''} ${amount > 0 ? '+' : ''}${amount} 积分，原因：${reason}`,
      confirmText: '确认调整',
    }),
    done: '已调整',
    onFail: form.showFailure,
  });

  const submit = async () => {
    if (!(await form.submit(adjust.run, { userId }))) return;
    form.reset(BLANK);
    await Promise.all([account.reload(), history.reload()]);
  };

  return (
    <PageShell>
      <Loaded state={account} skeleton="form">
        {(a) => (
          <Section title={a.name}>
            当前积分 {a.account.balance} · 累计获得 {a.account.earned} · 已使用 {a.account.spent}
          </Section>
        )}
      </Loaded>
      <Section>
        <SignedAmountField label="积分" labels={{ plus: '增加', minus: '扣减' }} {...form.field('amount')} />
        <TextField label="调整原因" placeholder="必填，居民可见" {...form.field('reason')} />
        <View className="form-actions">
          <Button type="primary" block loading={adjust.busy} onClick={() => void submit()}>
            确认调整
          </Button>
        </View>
      </Section>
      <Loaded state={history} skeleton="list" empty={{ title: '还没有积分记录' }}>
        {(entries) => (
          <Section title="积分明细">
            {entries.map((e) => (
              <ListRow
                key={e.id}
                title={e.description}
                description={formatDateTime(e.createdAt)}
                extra={<SignedNumber value={e.amount} />}
              />
            ))}
            <ListFooter list={history} />
          </Section>
        )}
      </Loaded>
    </PageShell>
  );
}
