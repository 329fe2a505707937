import { View } from '@tarojs/components';
import { Checkbox } from '@nutui/nutui-react-taro';
import { FieldShell } from '../../../components/form/field';
import { ListFooter } from '../../../components/list-footer';
import { usePaged } from '../../../hooks/use-paged';
import type { FieldBinding } from '../../../hooks/use-form';

/** 负责人: staff and volunteers (the server lists only those who may lead), ticked on or off. */
export function LeadersField({ name, value = [], onChange, error }: FieldBinding<string[]>) {
  const candidates = usePaged('user', 'listResidents', { leadersOnly: true });
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <FieldShell name={name} label="负责人（负责签到）" error={error} stacked>
      {candidates.data?.map((c) => (
        <View key={c.id}>
          <Checkbox
            checked={value.includes(c.id)}
            onChange={(on) => toggle(c.id, on)}
            label={c.displayName}
          />
        </View>
      ))}
      <ListFooter list={candidates} />
    </FieldShell>
  );
}
