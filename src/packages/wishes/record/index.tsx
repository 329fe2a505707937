import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatHours } from '@core/domain/events';
import { formatDay } from '@core/time';
import { CardCanvas } from '../../../components/card-canvas';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useCall } from '../../../hooks/use-call';
import { saveCardImage } from '../../../services/card-image';
import { partyRecordLayout, recordPeriod, recordSummary, type PartyRecord } from './layout';

function Items({ title, items, empty }: { title: string; items: PartyRecord['wishes']; empty: string }) {
  return (
    <Section title={title}>
      {items.length === 0 && <View className="muted">{empty}</View>}
      {items.map((item, i) => (
        <ListRow
          key={`${item.kind}-${item.at}-${i}`}
          testId="party-record-item"
          title={item.title}
          description={formatDay(item.at)}
          extra={item.kind === 'event' ? formatHours(item.minutes) : item.kindLabel}
        />
      ))}
    </Section>
  );
}

/** 双报到记录: a party member's wishes and served events for a year, and the record as an image. */
export default function PartyRecordPage() {
  const [year, setYear] = useState<number | undefined>(undefined);
  const record = useCall('wishes', 'myRecord', year === undefined ? {} : { year });
  return (
    <PageShell>
      <Loaded state={record} skeleton="detail">
        {(r) => (
          <>
            <View className="form-actions actions">
              {r.years.map((y) => (
                <Button
                  key={y}
                  size="small"
                  type={y === r.year ? 'primary' : 'default'}
                  onClick={() => setYear(y)}
                >
                  {y}年
                </Button>
              ))}
            </View>
            <View className="balance-card" data-testid="party-record-totals">
              <View>
                {r.member} · {r.year}年度服务
              </View>
              <View className="balance-card__value">{r.totals.hoursLabel}</View>
              <View className="balance-card__row">
                <View>微心愿 {r.totals.wishes} 件</View>
                <View>志愿活动 {r.totals.events} 次</View>
              </View>
            </View>
            <Section title="双报到服务记录" testId="party-record">
              <View>所在党组织：{r.partyOrg || '—'}</View>
              <View>工作单位：{r.workplace || '—'}</View>
              <View>服务期间：{recordPeriod(r)}</View>
              <View>{recordSummary(r)}</View>
              <View className="muted">由{r.organiser}登记；与积分分开记录，兑换积分不影响本记录。</View>
            </Section>
            <Items title="完成的微心愿" items={r.wishes} empty="这一年还没有完成的微心愿" />
            <Items title="参加的志愿服务" items={r.events} empty="这一年还没有志愿服务记录" />
            <View className="form-actions">
              <Button
                type="primary"
                block
                onClick={() => void saveCardImage(partyRecordLayout(r), `双报到服务记录-${r.year}.png`)}
              >
                保存为图片（交所在单位党组织）
              </Button>
            </View>
            <CardCanvas />
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
