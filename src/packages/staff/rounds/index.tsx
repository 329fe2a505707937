import { View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { formatSpan } from '@core/time';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';

/** 点菜投票管理: every round, latest first, and the way to open the next one. */
export default function ManageRounds() {
  const rounds = usePaged('votes', 'rounds', {});
  const create = () => go('staffRoundEdit', {});
  return (
    <PageShell>
      <View className="form-actions actions">
        <Button type="primary" onClick={create}>
          发起投票
        </Button>
        <Button onClick={() => go('staffProposals')}>审核提议</Button>
        <Button onClick={() => go('staffVotingSettings')}>投票设置</Button>
      </View>
      <Loaded
        state={rounds}
        skeleton="list"
        empty={{ title: '还没有发起过投票', action: { text: '发起投票', onClick: create } }}
      >
        {(list) => (
          <Section>
            {list.map((r) => (
              <ListRow
                key={r.id}
                testId="staff-round"
                title={r.title}
                description={`${formatSpan(r.startAt, r.endAt)} · 菜单 ${r.menuCount} 项`}
                extra={<Tag type={r.phase === 'voting' ? 'primary' : 'default'}>{r.phaseLabel}</Tag>}
                onClick={() => go('staffRound', { id: r.id })}
              />
            ))}
            <ListFooter list={rounds} />
          </Section>
        )}
      </Loaded>
    </PageShell>
  );
}
