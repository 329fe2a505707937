import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type PrivacyView, type UserId } from '@core/contract';
import { ExportProgress } from '../../../components/export-progress';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { usePrompt } from '../../../components/prompt-dialog';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useExport, type PageReader } from '../../../hooks/use-export';
import { useParams } from '../../../hooks/use-params';
import { call } from '../../../services/cloud';
import { saveExportFile } from '../../../services/export-file';
import { back, relaunch } from '../../../services/navigation';
import { useSession } from '../../../stores/session';

const CLOSE_WARNING =
  '注销后将清除您的昵称、姓名、住址和手机号，待领取的兑换退回积分，报名和认领将取消。志愿服务记录和积分明细会匿名保留。此操作不能撤销。';

function Kept({ view }: { view: PrivacyView }) {
  return (
    <>
      <Section title="我们保存的个人资料" testId="privacy-profile">
        {view.profile.map((p) => (
          <ListRow key={p.label} title={p.label} extra={p.value || '未填写'} />
        ))}
      </Section>
      <Section title="各项记录" testId="privacy-sections">
        {view.sections.map((s) => (
          <ListRow
            key={s.key}
            title={s.label}
            description={`注销后：${s.afterClosing}`}
            extra={`${s.count} 条`}
          />
        ))}
      </Section>
    </>
  );
}

/**
 * 隐私与数据 (个人信息保护法): what the app keeps about the resident, a file of all of it, and
 * closing the account. Staff open it with a managed resident's id to do the same for them.
 */
export default function Privacy() {
  const { userId } = useParams('privacy');
  const forResident = userId as UserId | undefined;
  const mine = useCall('user', 'myData', forResident ? null : {});
  const theirs = useCall('user', 'residentData', forResident ? { userId: forResident } : null);
  const view = forResident ? theirs : mine;
  const exporter = useExport();
  const prompt = usePrompt();
  const closeMine = useAction('user', 'closeAccount', {
    confirm: { title: '注销账号', content: CLOSE_WARNING, confirmText: '确认注销' },
  });
  const closeTheirs = useAction('user', 'closeResident', { done: '已注销' });

  const readers = (data: PrivacyView): PageReader[] =>
    data.sections.map(
      ({ key }) =>
        (cursor) =>
          forResident
            ? call('user', 'residentDataPage', {
                userId: forResident,
                section: key,
                ...(cursor ? { cursor } : {}),
              })
            : call('user', 'myDataPage', { section: key, ...(cursor ? { cursor } : {}) }),
    );

  const exportAll = async (data: PrivacyView) => {
    const table = await exporter.run(readers(data));
    if (table) await saveExportFile(table);
  };

  const close = async () => {
    if (forResident) {
      const reason = await prompt.ask({
        title: '代为注销账号',
        placeholder: '请填写注销原因（如本人或家属申请），将记入操作记录',
        confirmText: '确认注销',
        field: contract.user.closeResident.input.shape.reason,
      });
      if (reason !== null && (await closeTheirs.run({ userId: forResident, reason }))) back();
      return;
    }
    if (!(await closeMine.run({ acknowledge: true }))) return;
    // The next login on this phone is a new resident with nothing of the old account.
    useSession.getState().reset();
    relaunch('home');
  };

  return (
    <PageShell>
      <Loaded state={view} skeleton="list">
        {(data) => (
          <>
            <Kept view={data} />
            <Section title="导出数据">
              <View className="muted">
                {forResident ? `${data.name} 的全部记录` : '您的全部记录'}
                ，保存为一个表格文件（CSV，可用 Excel 或 WPS 打开）。
              </View>
              <ExportProgress exporter={exporter} />
              <View className="form-actions">
                <Button block loading={exporter.busy} onClick={() => void exportAll(data)}>
                  {forResident ? '导出该居民的数据' : '导出我的数据'}
                </Button>
              </View>
            </Section>
            {!data.closed && (
              <Section title="注销账号">
                <View className="muted">{CLOSE_WARNING}</View>
                <View className="form-actions">
                  <Button
                    type="danger"
                    block
                    loading={closeMine.busy || closeTheirs.busy}
                    onClick={() => void close()}
                  >
                    {forResident ? '代为注销该居民账号' : '注销我的账号'}
                  </Button>
                </View>
              </Section>
            )}
          </>
        )}
      </Loaded>
      {prompt.dialog}
    </PageShell>
  );
}
