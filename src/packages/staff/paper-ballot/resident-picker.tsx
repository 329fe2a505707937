import { useState } from 'react';
import { Button, SearchBar, Tag } from '@nutui/nutui-react-taro';
import type { UserView } from '@core/contract';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Section } from '../../../components/section';
import { usePaged } from '../../../hooks/use-paged';

/** Find the resident standing at the desk (or the managed neighbour staff visited). */
export function ResidentPicker({ onPick }: { onPick(resident: UserView): void }) {
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');
  const residents = usePaged('user', 'listResidents', { keyword: keyword || undefined });
  return (
    <Section title="选择投票的居民">
      <SearchBar value={typed} onChange={setTyped} onSearch={setKeyword} placeholder="姓名、昵称或楼栋" />
      {residents.data?.map((r) => (
        <ListRow
          key={r.id}
          testId="ballot-resident"
          title={r.displayName}
          description={[r.building, r.unit].filter(Boolean).join(' ') || '未填写住址'}
          extra={
            <>
              {r.managed && <Tag type="warning">代管</Tag>}
              <Button size="small" onClick={() => onPick(r)}>
                选择
              </Button>
            </>
          }
        />
      ))}
      <ListFooter list={residents} />
    </Section>
  );
}
