import { ListFooter } from '../../../components/list-footer';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { usePaged } from '../../../hooks/use-paged';
import { RoundRow } from '../shared/round-row';

/** Every round, latest first: the one running and the past ones with their results. */
export default function Rounds() {
  const rounds = usePaged('votes', 'rounds', {});
  return (
    <PageShell>
      <Loaded
        state={rounds}
        skeleton="list"
        empty={{ title: '还没有投票', description: '社区发起点菜投票后会显示在这里' }}
      >
        {(list) => (
          <Section>
            {list.map((r) => (
              <RoundRow key={r.id} round={r} />
            ))}
            <ListFooter list={rounds} />
          </Section>
        )}
      </Loaded>
    </PageShell>
  );
}
