import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { ProposalView } from '@core/contract';
import { PROPOSAL_CATEGORY_LABELS, formatYuan } from '@core/domain/voting';
import { ListRow } from '../../../components/list-row';
import { go } from '../../../services/navigation';

/** One proposal of a list: what, where it stands, its supports against the threshold. */
export function ProposalRow({ proposal: p, extra }: { proposal: ProposalView; extra?: ReactNode }) {
  return (
    <ListRow
      testId="proposal"
      onClick={() => go('voteProposal', { id: p.id })}
      title={
        <View className="row">
          <View>{p.title}</View>
          <Tag type={p.menuReady ? 'success' : 'default'}>{p.stageLabel}</Tag>
        </View>
      }
      description={[
        PROPOSAL_CATEGORY_LABELS[p.category],
        p.estimatedCost !== null ? `估算 ${formatYuan(p.estimatedCost)}` : '',
        `附议 ${p.supportCount}/${p.supportThreshold}`,
      ]
        .filter(Boolean)
        .join(' · ')}
      extra={extra}
    />
  );
}
