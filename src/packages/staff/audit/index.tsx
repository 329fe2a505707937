import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { Button, SearchBar } from '@nutui/nutui-react-taro';
import type { UserId, UserView } from '@core/contract';
import { AUDIT_TYPES, AUDIT_TYPE_LABELS, type AuditType } from '@core/domain/audit';
import { formatDateTime } from '@core/time';
import { SelectField } from '../../../components/form/select-field';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { usePaged } from '../../../hooks/use-paged';

const ANY = 'any';

/** Pick the resident whose trail to read: search by name or building, tap one. */
function ResidentFilter({
  chosen,
  onChoose,
}: {
  chosen: UserView | null;
  onChoose(user: UserView | null): void;
}) {
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');
  const found = usePaged('user', 'listResidents', keyword ? { keyword } : null);
  if (chosen) {
    return (
      <ListRow
        title={`居民：${chosen.displayName}`}
        extra={
          <Button size="small" onClick={() => onChoose(null)}>
            全部居民
          </Button>
        }
      />
    );
  }
  return (
    <>
      <SearchBar value={typed} onChange={setTyped} onSearch={setKeyword} placeholder="居民姓名、昵称或楼栋" />
      {found.data?.map((u) => (
        <ListRow
          key={u.id}
          testId="audit-resident"
          title={u.displayName}
          description={[u.building, u.unit].filter(Boolean).join(' ')}
          onClick={() => {
            setTyped('');
            setKeyword('');
            onChoose(u);
          }}
        />
      ))}
    </>
  );
}

/** 操作记录: what staff did, newest first, by staff member, by resident and by type. */
export default function AuditTrail() {
  const [type, setType] = useState<AuditType | typeof ANY>(ANY);
  const [actorId, setActorId] = useState<string>(ANY);
  const [resident, setResident] = useState<UserView | null>(null);
  const staff = usePaged('user', 'listResidents', { staffOnly: true });
  // Every staff member is a choice: the picker reads the list to its end.
  useEffect(() => {
    if (staff.hasMore && !staff.more) void staff.loadMore();
  }, [staff]);
  const trail = usePaged('dashboard', 'audit', {
    ...(type !== ANY ? { type } : {}),
    ...(actorId !== ANY ? { actorId: actorId as UserId } : {}),
    ...(resident ? { userId: resident.id } : {}),
  });
  return (
    <PageShell>
      <Section>
        <SelectField
          name="type"
          label="类型"
          value={type}
          options={[
            { value: ANY, label: '全部类型' },
            ...AUDIT_TYPES.map((t) => ({ value: t, label: AUDIT_TYPE_LABELS[t] })),
          ]}
          onChange={(value) => setType(value ?? ANY)}
        />
        <SelectField
          name="actor"
          label="工作人员"
          value={actorId}
          options={[
            { value: ANY, label: '全部工作人员' },
            ...(staff.data ?? []).map((s) => ({ value: s.id, label: s.displayName })),
          ]}
          onChange={(value) => setActorId(value ?? ANY)}
        />
        <ResidentFilter chosen={resident} onChoose={setResident} />
      </Section>
      <Loaded state={trail} skeleton="list" empty={{ title: '没有符合条件的记录' }}>
        {(list) => (
          <Section>
            {list.map((e) => (
              <ListRow
                key={e.id}
                testId="audit-entry"
                title={e.actionLabel}
                description={`${formatDateTime(e.at)} · ${e.typeLabel}`}
                extra={e.actorName}
              >
                {e.subjectName && <View>居民：{e.subjectName}</View>}
                {e.detail && <View className="muted">{e.detail}</View>}
              </ListRow>
            ))}
            <ListFooter list={trail} />
          </Section>
        )}
      </Loaded>
    </PageShell>
  );
}
