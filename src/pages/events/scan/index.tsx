import { useState } from 'react';
import { contract } from '@core/contract';
import { parseToken } from '@core/domain/checkin-token';
import { AppError } from '@core/errors';
import { formatDateTime } from '@core/time';
import { CodeInput } from '../../../components/code-input';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useForm } from '../../../hooks/use-form';
import { showError } from '../../../services/feedback';

/** Scan the leader's 签到码 or 签退码 (in H5, paste it); the code itself says which. */
export default function Scan() {
  const form = useForm(contract.events.checkIn.input, { token: '' });
  const checkIn = useAction('events', 'checkIn');
  const checkOut = useAction('events', 'checkOut');
  const [done, setDone] = useState('');

  const submit = async (raw: string) => {
    let purpose: 'in' | 'out';
    try {
      purpose = parseToken(raw).purpose;
    } catch (error) {
      return showError(error instanceof AppError ? error : { message: '签到码无效' });
    }
    const event = await (purpose === 'in' ? checkIn : checkOut).run({ token: raw });
    if (!event) return;
    const at = purpose === 'in' ? event.mine?.checkInAt : event.mine?.checkOutAt;
    const what = purpose === 'in' ? '签到' : '签退';
    setDone(`${event.title}：${what}成功（${formatDateTime(at ?? Date.now())}）`);
  };

  return (
    <PageShell>
      <Section>
        <CodeInput
          {...form.field('token')}
          name="checkinToken"
          label="签到码"
          placeholder="粘贴签到码内容"
          busy={checkIn.busy || checkOut.busy}
          actions={[{ text: '提交', scanText: '扫描负责人的签到码', run: submit }]}
        />
      </Section>
      {done && <Section title={done} testId="checkin-done" />}
    </PageShell>
  );
}
