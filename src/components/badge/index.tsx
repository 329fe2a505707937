import { Text } from '@tarojs/components';
import './index.scss';

export type BadgeTone = 'primary' | 'success' | 'warning' | 'default' | 'danger';

/** A word of status on a card (可报名, 已报名), drawn without NutUI so lists on the first screen stay light. */
export function Badge({ tone, children }: { tone: BadgeTone; children: string }) {
  return <Text className={`llt-badge llt-badge--${tone}`}>{children}</Text>;
}
