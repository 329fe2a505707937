import { contract, type UserId } from '@core/contract';
import { CodeInput } from '../../../components/code-input';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useForm } from '../../../hooks/use-form';

export type Purpose = 'in' | 'out';
export type CheckTarget = { cardCode?: string; userId?: UserId };

/** The leader checks someone in or out: by their 电子志愿者证, or (a managed resident) by name. */
export function useLeaderCheck(eventId: string, onChecked: () => Promise<void>) {
  const check = useAction('events', 'leaderCheck', {
    done: (p) => `${p.name} 已${p.checkOutAt ? '签退' : '签到'}`,
  });
  const run = async (purpose: Purpose, target: CheckTarget) => {
    const checked = await check.run({ eventId, purpose, ...target });
    if (checked) await onChecked();
    return checked;
  };
  return { run, busy: check.busy };
}

/** 扫志愿者证签到: the card's QR scanned (mini-program), or its eight-digit 证号 typed. */
export function CardCheckIn({ leaderCheck }: { leaderCheck: ReturnType<typeof useLeaderCheck> }) {
  const card = useForm(contract.events.leaderCheck.input, { cardCode: '' });
  const actions = (['in', 'out'] as const).map((purpose) => ({
    text: purpose === 'in' ? '签到' : '签退',
    scanText: purpose === 'in' ? '扫码签到' : '扫码签退',
    run: async (cardCode: string) => {
      if (await leaderCheck.run(purpose, { cardCode })) card.reset({ cardCode: '' });
    },
  }));
  return (
    <Section title="扫志愿者证签到">
      <CodeInput
        {...card.field('cardCode')}
        label="志愿者证号"
        placeholder="输入志愿者证上的8位证号"
        busy={leaderCheck.busy}
        actions={actions}
      />
    </Section>
  );
}
