import type { ReactNode } from 'react';
import { View } from '@tarojs/components';

interface Props {
  title?: ReactNode;
  /** Beside the title, e.g. a status tag or a month's total. */
  extra?: ReactNode;
  testId?: string;
  className?: string;
  children?: ReactNode;
}

/** A white card on the grey page: an optional title row, then its content. */
export function Section({ title, extra, testId, className, children }: Props) {
  return (
    <View className={`section${className ? ` ${className}` : ''}`} data-testid={testId}>
      {(title || extra) && (
        <View className={extra ? 'row section__title' : 'section__title'}>
          <View>{title}</View>
          {extra}
        </View>
      )}
      {children}
    </View>
  );
}
