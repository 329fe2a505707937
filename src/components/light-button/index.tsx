import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './index.scss';

interface Props {
  type?: 'primary' | 'default';
  onClick(): void;
  children: ReactNode;
  testId?: string;
}

/**
 * A button drawn without NutUI, for what the first screen shows (the home page, the empty and
 * error states): NutUI's Button brings its config provider, lodash and its icons along, about
 * 20 KB gzipped the home page need not wait for. It reads NutUI's theme variables, so it looks
 * like NutUI's and grows with 关怀模式 the same way.
 */
export function LightButton({ type = 'default', onClick, children, testId }: Props) {
  return (
    <View className={`llt-button llt-button--${type}`} onClick={onClick} data-testid={testId}>
      {children}
    </View>
  );
}
