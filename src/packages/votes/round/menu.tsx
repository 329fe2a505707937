import { View } from '@tarojs/components';
import type { RoundView } from '@core/contract';
import { PROPOSAL_CATEGORY_LABELS, formatYuan } from '@core/domain/voting';
import { ListRow } from '../../../components/list-row';
import { Section } from '../../../components/section';
import { go } from '../../../services/navigation';

/** The menu as it was frozen when the round opened (a hidden proposal shows masked). */
export function Menu({ round }: { round: RoundView }) {
  return (
    <Section title={`本轮菜单（${round.menu.length}项）`} testId="menu">
      {round.menu.map((m) => (
        <ListRow
          key={m.proposalId}
          title={m.title}
          onClick={m.hidden ? undefined : () => go('voteProposal', { id: m.proposalId })}
          description={[
            PROPOSAL_CATEGORY_LABELS[m.category],
            m.estimatedCost !== null ? `估算 ${formatYuan(m.estimatedCost)}` : '',
            `${m.supportCount} 人附议`,
          ]
            .filter(Boolean)
            .join(' · ')}
        >
          {m.description && <View className="muted">{m.description}</View>}
        </ListRow>
      ))}
    </Section>
  );
}
