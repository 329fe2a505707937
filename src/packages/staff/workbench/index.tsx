import { View } from '@tarojs/components';
import { ListRow } from '../../../components/list-row';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useCall } from '../../../hooks/use-call';
import { go } from '../../../services/navigation';
import { TOOL_GROUPS } from './tools';

/** How many wait, beside the tool; nothing while the counts load or when none wait. */
function Badge({ count }: { count: number | undefined }) {
  if (!count) return null;
  return (
    <View className="entry__badge" data-testid="tool-badge">
      {count > 99 ? '99+' : count}
    </View>
  );
}

/** 社区工作台: every staff tool, grouped, each with what waits there. */
export default function Workbench() {
  const waiting = useCall('dashboard', 'workbench', {});
  const counts = waiting.data?.counts;
  return (
    <PageShell>
      {TOOL_GROUPS.map((group) => (
        <Section key={group.title} title={group.title}>
          {group.tools.map((tool) => (
            <ListRow
              key={tool.label}
              testId="staff-tool"
              title={tool.label}
              description={tool.description}
              extra={<Badge count={tool.badge ? counts?.[tool.badge] : undefined} />}
              onClick={() => go(tool.route)}
            />
          ))}
        </Section>
      ))}
    </PageShell>
  );
}
