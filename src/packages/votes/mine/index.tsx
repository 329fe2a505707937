import { ListFooter } from '../../../components/list-footer';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';
import { ProposalRow } from '../shared/proposal-row';

/** 我的提议: everything the caller proposed, in every status, newest first. */
export default function MyProposals() {
  const mine = usePaged('votes', 'myProposals', {});
  return (
    <PageShell>
      <Loaded
        state={mine}
        skeleton="list"
        empty={{
          title: '您还没有提过需求',
          description: '社区里有什么事想办，提出来让邻居们附议',
          action: { text: '我要提需求', onClick: () => go('votePropose') },
        }}
      >
        {(list) => (
          <Section>
            {list.map((p) => (
              <ProposalRow key={p.id} proposal={p} />
            ))}
            <ListFooter list={mine} />
          </Section>
        )}
      </Loaded>
    </PageShell>
  );
}
