import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './index.scss';

interface Props {
  title: ReactNode;
  /** Smaller grey lines under the title. */
  description?: ReactNode;
  /** On the right: an amount, a tag, a switch. */
  extra?: ReactNode;
  onClick?(): void;
  testId?: string;
  children?: ReactNode;
}

/** One line of a list: what it is, a detail or two, and something on the right; tappable when it opens. */
export function ListRow({ title, description, extra, onClick, testId, children }: Props) {
  return (
    <View className={`list-item${onClick ? ' tap' : ''}`} onClick={onClick} data-testid={testId}>
      <View className="llt-list-row__line">
        <View className="llt-list-row__main">
          <View className="llt-list-row__title">{title}</View>
          {description !== undefined && description !== '' && <View className="muted">{description}</View>}
        </View>
        {extra !== undefined && <View className="llt-list-row__extra">{extra}</View>}
      </View>
      {children}
    </View>
  );
}
