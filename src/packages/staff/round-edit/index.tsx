import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type RoundView } from '@core/contract';
import { ELIGIBILITIES, ELIGIBILITY_LABELS } from '@core/domain/voting';
import { DAY_MS, HOUR_MS } from '@core/time';
import { CheckField } from '../../../components/form/check-field';
import { ChoiceField } from '../../../components/form/choice-field';
import { DateTimeField } from '../../../components/form/date-time-field';
import { NumberField } from '../../../components/form/number-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useForm, type Draft } from '../../../hooks/use-form';
import { usePaged } from '../../../hooks/use-paged';
import { useParams } from '../../../hooks/use-params';
import { go, redirect } from '../../../services/navigation';
import { MenuField, type MenuChoice } from './menu-field';

const schema = contract.votes.saveRound.input;
const [APPROVAL, BUDGET] = contract.votes.saveRound.input.shape.rule.options;
type RuleKind = 'approval' | 'budget';
const RULE_KINDS: readonly RuleKind[] = ['approval', 'budget'];
const RULE_LABELS: Record<RuleKind, string> = { approval: '限选项数', budget: '预算内选择' };

function draftOf(r: RoundView | null): Draft<typeof schema> {
  if (!r)
    return { title: '', description: '', proposalIds: [], eligibility: 'residents', liveResults: false };
  return {
    roundId: r.id,
    title: r.title,
    description: r.description,
    proposalIds: r.menu.map((m) => m.proposalId),
    startAt: r.startAt,
    endAt: r.endAt,
    eligibility: r.eligibility,
    liveResults: r.liveResults,
    publicityDays: r.publicityDays,
  };
}

/** The next whole hour at least an hour away: a new round's start, after the freeze margin. */
function nextHour(): number {
  return Math.ceil((Date.now() + HOUR_MS) / HOUR_MS) * HOUR_MS;
}

function RoundEditor({ loaded }: { loaded: RoundView | null }) {
  const form = useForm(schema, draftOf(loaded));
  const [kind, setKind] = useState<RuleKind>(loaded?.rule.kind ?? 'approval');
  const approval = useForm(APPROVAL, {
    kind: 'approval',
    maxChoices: loaded?.rule.kind === 'approval' ? loaded.rule.maxChoices : 1,
  });
  const budget = useForm(BUDGET, {
    kind: 'budget',
    budget: loaded?.rule.kind === 'budget' ? loaded.rule.budget : undefined,
  });
  const ready = usePaged('votes', 'proposals', {});
  const save = useAction('votes', 'saveRound', { done: '已保存', onFail: form.showFailure });

  // This round's own menu stays choosable while it is edited; the rest is what the server offers.
  const choices: MenuChoice[] = [
    ...(loaded?.menu ?? []).map((m) => ({ ...m, id: m.proposalId })),
    ...(ready.data ?? []).filter((p) => p.mayPutOnMenu),
  ];
  const start = form.values.startAt;

  const submit = async () => {
    const rule = kind === 'approval' ? approval.validate() : budget.validate();
    if (!rule) return;
    const saved = await form.submit(save.run, { rule });
    if (saved) redirect('staffRound', { id: saved.id });
  };

  return (
    <>
      <Section>
        <TextField label="标题" placeholder="如：2027年春季百姓点菜" {...form.field('title')} />
        <TextAreaField
          label="说明"
          placeholder="选填，告诉居民本轮投票的背景"
          {...form.field('description')}
        />
        <DateTimeField label="开始时间" suggest={nextHour()} {...form.field('startAt')} />
        <DateTimeField label="结束时间" suggest={start && start + 7 * DAY_MS} {...form.field('endAt')} />
      </Section>
      <Section title="投票规则">
        <ChoiceField
          name="ruleKind"
          label="方式"
          options={RULE_KINDS}
          labels={RULE_LABELS}
          value={kind}
          onChange={(v) => v && setKind(v)}
        />
        {kind === 'approval' ? (
          <NumberField label="每人最多选(项)" {...approval.field('maxChoices')} />
        ) : (
          <NumberField label="本轮预算(元)" {...budget.field('budget')} />
        )}
        {form.errors.rule && <View className="text-danger">{form.errors.rule}</View>}
        <ChoiceField
          label="投票资格"
          options={ELIGIBILITIES}
          labels={ELIGIBILITY_LABELS}
          {...form.field('eligibility')}
        />
        <CheckField label="投票期间实时显示结果" {...form.field('liveResults')} />
        <NumberField label="公示天数" placeholder="默认按投票设置" {...form.field('publicityDays')} />
      </Section>
      <Section>
        <MenuField label="投票菜单" choices={choices} list={ready} {...form.field('proposalIds')} />
      </Section>
      <View className="muted" style={{ margin: '0 24px' }}>
        开始前1分钟起，规则、菜单和预算冻结，不能再修改。
      </View>
      <View className="form-actions">
        <Button type="primary" block loading={save.busy} onClick={() => void submit()}>
          {loaded ? '保存' : '发起投票'}
        </Button>
      </View>
    </>
  );
}

/** Open a round, or edit one until it freezes (the server's `mayEdit`). */
export default function EditRound() {
  const { id } = useParams('staffRoundEdit');
  const round = useCall('votes', 'round', id ? { roundId: id } : null, { refreshOnShow: false });
  return (
    <PageShell>
      {id ? (
        <Loaded state={round} skeleton="form">
          {(r) =>
            r.mayEdit ? (
              <RoundEditor loaded={r} />
            ) : (
              <Section title={r.title} testId="round-frozen">
                <View>投票{r.phaseLabel}，规则、菜单和预算已冻结，不能再修改。</View>
                <View className="actions">
                  <Button onClick={() => go('staffRound', { id: r.id })}>返回投票管理</Button>
                </View>
              </Section>
            )
          }
        </Loaded>
      ) : (
        <RoundEditor loaded={null} />
      )}
    </PageShell>
  );
}
