import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { UserId } from '@core/contract';
import { formatHours } from '@core/domain/events';
import { communityYear, formatDay } from '@core/time';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { saveCsvFile } from '../../../services/export-file';
import { go } from '../../../services/navigation';

/** The years offered: this one and the two before (the record starts with the app). */
const YEARS_SHOWN = 3;

/** 双报到记录: each party member's year — wishes fulfilled, events served, hours — and the CSV. */
export default function PartyRecords() {
  const thisYear = communityYear(Date.now());
  const [year, setYear] = useState(thisYear);
  const [member, setMember] = useState<{ id: UserId; name: string } | null>(null);
  const record = useCall('wishes', 'record', { year, memberId: member?.id });
  const exportCsv = useAction('wishes', 'exportRecord');

  // One member's year is a short file written at once; everyone's year is read a page at a
  // time on 数据导出, with its progress, like every other table.
  const download = async () => {
    if (!member) return go('staffExports', { kind: 'party' });
    const file = await exportCsv.run({ year, memberId: member.id });
    if (file) await saveCsvFile(file.filename, file.csv);
  };

  return (
    <PageShell>
      <View className="form-actions actions">
        {Array.from({ length: YEARS_SHOWN }, (_, i) => thisYear - i).map((y) => (
          <Button key={y} size="small" type={y === year ? 'primary' : 'default'} onClick={() => setYear(y)}>
            {y}年
          </Button>
        ))}
      </View>
      {member && (
        <View className="form-actions actions">
          <Button size="small" onClick={() => setMember(null)}>
            ← 全部党员
          </Button>
        </View>
      )}
      <Loaded
        state={record}
        skeleton="list"
        isEmpty={(r) => r.members.length === 0}
        empty={{ title: '还没有双报到党员', description: '党员报到通过审核后会出现在这里' }}
      >
        {(r) => (
          <>
            <Section
              title={member ? `${member.name} · ${r.year}年` : `${r.year}年度 · ${r.members.length} 名党员`}
            >
              {r.members.map((m) => (
                <ListRow
                  key={m.memberId}
                  testId="party-record-member"
                  title={m.name}
                  description={[m.partyOrg, m.workplace].filter(Boolean).join(' · ') || '未登记党组织'}
                  extra={`心愿 ${m.totals.wishes} · 活动 ${m.totals.events} · ${m.totals.hoursLabel}`}
                  onClick={member ? undefined : () => setMember({ id: m.memberId, name: m.name })}
                />
              ))}
            </Section>
            {member && (
              <Section title="服务明细">
                {r.items.length === 0 && <View className="muted">这一年没有记录</View>}
                {r.items.map((item, i) => (
                  <ListRow
                    key={`${item.kind}-${item.at}-${i}`}
                    testId="party-record-item"
                    title={item.title}
                    description={`${item.kindLabel} · ${formatDay(item.at)}`}
                    extra={item.kind === 'event' ? formatHours(item.minutes) : undefined}
                  />
                ))}
              </Section>
            )}
            <View className="form-actions">
              <Button type="primary" block loading={exportCsv.busy} onClick={() => void download()}>
                {member ? '导出 CSV' : '导出全部党员（数据导出）'}
              </Button>
            </View>
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
