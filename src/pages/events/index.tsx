import { PageShell } from '../../components/page-shell';
import { ComingSoon } from '../../components/coming-soon';

export default function Events() {
  return (
    <PageShell>
      <ComingSoon feature="活动报名" />
    </PageShell>
  );
}
