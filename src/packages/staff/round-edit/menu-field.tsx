import { View } from '@tarojs/components';
import { formatYuan } from '@core/domain/voting';
import { CheckField } from '../../../components/form/check-field';
import { FieldShell, type FieldProps } from '../../../components/form/field';
import { ListFooter } from '../../../components/list-footer';
import type { Paged } from '../../../hooks/use-paged';

export interface MenuChoice {
  id: string;
  title: string;
  estimatedCost: number | null;
  supportCount: number;
}

interface Props extends FieldProps<string[]> {
  choices: readonly MenuChoice[];
  /** The 需求清单 the choices come from, for 加载更多. */
  list: Pick<Paged<unknown>, 'data' | 'more' | 'hasMore' | 'loadMore'>;
}

/** The round's menu: proposals the server marked as able to go on one (可上菜单, not held elsewhere). */
export function MenuField({ name, label, value, onChange, required, error, choices, list }: Props) {
  const chosen = value ?? [];
  const toggle = (id: string) =>
    onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  return (
    <FieldShell
      name={name}
      label={`${label}（已选 ${chosen.length} 项）`}
      required={required}
      error={error}
      stacked
    >
      {choices.length === 0 && (
        <View className="muted">需求清单中暂无可上菜单的提议（附议须达到门槛，且不在其他投票中）。</View>
      )}
      {choices.map((c) => (
        <View key={c.id} data-testid="menu-choice">
          <CheckField
            name={`menu-${c.id}`}
            label={`${c.title}（${c.estimatedCost !== null ? `估算 ${formatYuan(c.estimatedCost)}` : '未填估算费用'} · ${c.supportCount} 人附议）`}
            value={chosen.includes(c.id)}
            onChange={() => toggle(c.id)}
          />
        </View>
      ))}
      <ListFooter list={list} />
    </FieldShell>
  );
}
