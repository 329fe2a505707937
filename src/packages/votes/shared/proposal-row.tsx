import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { ProposalView } from '@core/contract';
import { PROPOSAL_CATEGORY_LABELS, formatYuan } from '@core/domain/voting';
import { ListRow } from '../../../components/list-row';
import { go } from '../../../services/navigation';

/**
 * One proposal of a list: what, where it stands, its supports against the threshold. Only the text
 * opens the proposal, so a button beside it (附议) acts on its own: in H5 a tappable row would
 * take the tap before the button's handler could stop it.
 */
export function ProposalRow({ proposal: p, extra }: { proposal: ProposalView; extra?: ReactNode }) {
  const details = [
    PROPOSAL_CATEGORY_LABELS[p.category],
    p.estimatedCost !== null ? `估算 ${formatYuan(p.estimatedCost)}` : '',
    `附议 ${p.supportCount}/${p.supportThreshold}`,
  ];
  return (
    <ListRow
      testId="proposal"
      title={
        <View className="tap" onClick={() => go('voteProposal', { id: p.id })}>
          <View>{p.title}</View>
          {/* The stage under the title, not beside it: a long title keeps the whole width. */}
          <View className="llt-list-row__line">
            <Tag type={p.stage === 'menu_ready' ? 'success' : 'default'}>{p.stageLabel}</Tag>
            <View className="muted llt-list-row__main">{details.filter(Boolean).join(' · ')}</View>
          </View>
        </View>
      }
      extra={extra}
    />
  );
}
