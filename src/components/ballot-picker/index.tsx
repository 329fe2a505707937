import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ProposalId, RoundView } from '@core/contract';
import { PROPOSAL_CATEGORY_LABELS, checkBallot, formatYuan } from '@core/domain/voting';
import { AppError, type ErrorCode } from '@core/errors';
import './index.scss';

interface Props {
  rule: RoundView['rule'];
  menu: RoundView['menu'];
  value: readonly ProposalId[];
  onChange(choices: ProposalId[]): void;
}

/** What the server will say of these choices, by the same rule (core/domain): their cost and the problem. */
function judge(rule: Props['rule'], menu: Props['menu'], choices: readonly string[]) {
  try {
    return { totalCost: checkBallot(rule, menu, choices), problem: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const costs = new Map(menu.map((m) => [m.proposalId as string, m.estimatedCost ?? 0]));
    const totalCost = choices.reduce((sum, id) => sum + (costs.get(id) ?? 0), 0);
    return { totalCost, problem: error.code as ErrorCode };
  }
}

/** Why one more choice would be refused: the limit of choices, or the budget left. */
const ADD_REFUSED: Partial<Record<ErrorCode, string>> = {
  BALLOT_TOO_MANY: '已达可选上限',
  BALLOT_OVER_BUDGET: '超出剩余预算',
};

/**
 * The menu of a round as a ballot: approval picks up to N, budget picks proposals whose costs fit,
 * with the running total. A choice the rule would refuse cannot be ticked; the server checks again.
 */
export function BallotPicker({ rule, menu, value, onChange }: Props) {
  const { totalCost } = judge(rule, menu, value);
  const toggle = (id: ProposalId) => {
    onChange(value.includes(id) ? value.filter((c) => c !== id) : [...value, id]);
  };
  const refusalOf = (item: Props['menu'][number]): string | null => {
    if (value.includes(item.proposalId)) return null;
    if (item.hidden) return '不可选';
    const { problem } = judge(rule, menu, [...value, item.proposalId]);
    return problem ? (ADD_REFUSED[problem] ?? null) : null;
  };
  return (
    <View className="llt-ballot" data-testid="ballot-picker">
      <View className="llt-ballot__tally" data-testid="ballot-tally">
        {rule.kind === 'approval'
          ? `已选 ${value.length}/${rule.maxChoices} 项`
          : `已选合计 ${formatYuan(totalCost)}，预算 ${formatYuan(rule.budget)}，剩余 ${formatYuan(rule.budget - totalCost)}`}
      </View>
      {menu.map((item) => {
        const chosen = value.includes(item.proposalId);
        const refusal = refusalOf(item);
        const className = `llt-ballot__item tap${chosen ? ' llt-ballot__item--chosen' : ''}${
          refusal ? ' llt-ballot__item--disabled' : ''
        }`;
        return (
          <View
            key={item.proposalId}
            className={className}
            data-testid="ballot-item"
            onClick={() => !refusal && toggle(item.proposalId)}
          >
            <View className="llt-ballot__mark">{chosen ? '✓' : ''}</View>
            <View className="llt-ballot__main">
              <View className="llt-ballot__title">{item.title}</View>
              <View className="muted">
                {PROPOSAL_CATEGORY_LABELS[item.category]}
                {item.estimatedCost !== null && ` · 估算 ${formatYuan(item.estimatedCost)}`}
                {` · ${item.supportCount} 人附议`}
              </View>
              {refusal && <View className="llt-ballot__refusal">{refusal}</View>}
            </View>
          </View>
        );
      })}
    </View>
  );
}

/** The menu titles of some choices, for a confirm step: 甲、乙. */
export function choiceTitles(menu: Props['menu'], choices: readonly string[]): string {
  return choices.map((id) => menu.find((m) => m.proposalId === id)?.title ?? '').join('、');
}

interface FormProps {
  round: Pick<RoundView, 'rule' | 'menu'>;
  submitText: string;
  busy: boolean;
  onSubmit(choices: ProposalId[]): void;
}

/** A ballot being filled in and its one button: a resident's own, or a paper one staff record. */
export function BallotForm({ round, submitText, busy, onSubmit }: FormProps) {
  const [choices, setChoices] = useState<ProposalId[]>([]);
  return (
    <>
      <BallotPicker rule={round.rule} menu={round.menu} value={choices} onChange={setChoices} />
      <View className="form-actions">
        <Button
          type="primary"
          block
          disabled={choices.length === 0}
          loading={busy}
          onClick={() => onSubmit(choices)}
        >
          {submitText}
        </Button>
      </View>
    </>
  );
}
