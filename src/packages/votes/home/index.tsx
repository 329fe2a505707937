import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ProposalId } from '@core/contract';
import { PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS, type ProposalCategory } from '@core/domain/voting';
import { ListFooter } from '../../../components/list-footer';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';
import { ProposalRow } from '../shared/proposal-row';
import { CurrentRound } from './current-round';
import '../shared/index.scss';

function CategoryFilter({
  value,
  onChange,
}: {
  value?: ProposalCategory;
  onChange(c?: ProposalCategory): void;
}) {
  const options: (ProposalCategory | undefined)[] = [undefined, ...PROPOSAL_CATEGORIES];
  return (
    <View className="votes-filters">
      {options.map((c) => (
        <View
          key={c ?? 'all'}
          className={`votes-filter tap${c === value ? ' votes-filter--on' : ''}`}
          onClick={() => onChange(c)}
        >
          {c ? PROPOSAL_CATEGORY_LABELS[c] : '全部'}
        </View>
      ))}
    </View>
  );
}

/** 百姓点菜: the round open now, the 需求清单 to 附议, and the ways to propose and follow projects. */
export default function VotesHome() {
  const [category, setCategory] = useState<ProposalCategory>();
  const rounds = useCall('votes', 'rounds', { limit: 1 });
  const proposals = usePaged('votes', 'proposals', { category });
  const support = useAction('votes', 'support', { done: '已附议' });

  const second = async (id: ProposalId) => {
    const updated = await support.run({ proposalId: id });
    if (updated) proposals.setData((list) => list.map((p) => (p.id === updated.id ? updated : p)));
  };

  return (
    <PageShell>
      <Loaded state={rounds} skeleton="detail">
        {(r) =>
          r.current ? (
            <CurrentRound round={r.current} />
          ) : (
            <Section title="点菜投票">
              <View className="muted">
                目前没有进行中的投票。需求清单中附议达到门槛的提议，会被列入下一轮投票菜单。
              </View>
            </Section>
          )
        }
      </Loaded>
      <View className="votes-links">
        <Button type="primary" onClick={() => go('votePropose')}>
          我要提需求
        </Button>
        <Button onClick={() => go('voteMine')}>我的提议</Button>
        <Button onClick={() => go('voteRounds')}>全部投票</Button>
        <Button onClick={() => go('voteProjects')}>微实事项目</Button>
      </View>
      <Section title="需求清单" testId="proposal-list">
        <CategoryFilter value={category} onChange={setCategory} />
        <Loaded
          state={proposals}
          skeleton="list"
          empty={{
            title: '清单里还没有需求',
            description: '社区里有什么事想办？提出来，邻居们附议',
            action: { text: '我要提需求', onClick: () => go('votePropose') },
          }}
        >
          {(list) => (
            <>
              {list.map((p) => (
                <ProposalRow
                  key={p.id}
                  proposal={p}
                  extra={
                    p.maySupport ? (
                      <Button size="small" type="primary" onClick={() => void second(p.id)}>
                        附议
                      </Button>
                    ) : p.supported ? (
                      <View className="muted">已附议</View>
                    ) : undefined
                  }
                />
              ))}
              <ListFooter list={proposals} />
            </>
          )}
        </Loaded>
      </Section>
      <View className="votes-note">
        附议和投票完全自愿，不设任何奖励；每位居民每条提议附议一次、每轮投票一次。
      </View>
    </PageShell>
  );
}
