import { View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { formatSpan } from '@core/time';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useCall } from '../../../hooks/use-call';
import { useParams } from '../../../hooks/use-params';
import { go } from '../../../services/navigation';
import { hasRole, useSession } from '../../../stores/session';
import { Receipt } from '../shared/receipt';
import { Ballot } from './ballot';
import { Menu } from './menu';
import { Objections } from './objections';
import { Results } from './results';
import '../shared/index.scss';

/** One round: its rule, the menu and the caller's ballot (or receipt), then results and the 公示. */
export default function RoundPage() {
  const { id = '' } = useParams('voteRound');
  const round = useCall('votes', 'round', { roundId: id });
  const staff = useSession((s) => hasRole(s.user, 'staff'));
  return (
    <PageShell>
      <Loaded state={round} skeleton="detail">
        {(r) => (
          <>
            <Section title={r.title} extra={<Tag type="primary">{r.phaseLabel}</Tag>} testId="round-header">
              {r.description && <View>{r.description}</View>}
              <View>投票时间：{formatSpan(r.startAt, r.endAt)}</View>
              <View data-testid="rule-text">规则：{r.ruleText}</View>
              <View className="muted" data-testid="tie-break-text">
                同票时：{r.tieBreakText}
              </View>
              <View className="muted">投票资格：{r.eligibilityText}</View>
              {r.cancelReason && <View className="text-danger">已取消：{r.cancelReason}</View>}
            </Section>
            {r.myBallot && <Receipt receipt={r.myBallot} budgetRound={r.rule.kind === 'budget'} />}
            {r.mayVote ? (
              <Ballot round={r} onCast={round.reload} />
            ) : (
              <>
                {!r.myBallot && r.voteBlockedReason && (
                  <View className="votes-note" data-testid="vote-blocked">
                    {r.voteBlockedReason}
                  </View>
                )}
                {!r.resultsVisible && <Menu round={r} />}
              </>
            )}
            {r.resultsVisible && r.results && <Results results={r.results} />}
            <Objections round={r} onChange={round.reload} />
            {staff && (
              <View className="votes-links">
                <Button onClick={() => go('staffRound', { id: r.id })}>投票管理</Button>
              </View>
            )}
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
