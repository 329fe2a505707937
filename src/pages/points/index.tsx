import { PageShell } from '../../components/page-shell';
import { ComingSoon } from '../../components/coming-soon';

export default function Points() {
  return (
    <PageShell>
      <ComingSoon feature="志愿积分与爱心超市" />
    </PageShell>
  );
}
