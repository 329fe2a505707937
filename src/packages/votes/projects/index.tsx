import { ListFooter } from '../../../components/list-footer';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { usePaged } from '../../../hooks/use-paged';
import { ProjectCard } from '../shared/project-card';

/** 微实事: the projects residents voted for, newest first, each with its progress and money. */
export default function Projects() {
  const projects = usePaged('votes', 'projects', {});
  return (
    <PageShell>
      <Loaded
        state={projects}
        skeleton="cards"
        empty={{ title: '还没有微实事项目', description: '投票入选的提议会在这里立项实施并公示进展' }}
      >
        {(list) => (
          <>
            {list.map((p) => (
              <ProjectCard key={p.id} project={p} />
            ))}
            <ListFooter list={projects} />
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
