import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { FieldLimits } from '../../hooks/use-form';
import './index.scss';

/**
 * What every field takes: usually spread from `form.field(name)` (value, change, limits and
 * the schema's message), plus the words the page chooses.
 */
export interface FieldProps<V> extends Partial<FieldLimits> {
  name: string;
  label: string;
  value: V | undefined;
  onChange(value: V | undefined): void;
  error?: string;
  placeholder?: string;
}

interface ShellProps {
  name: string;
  label: string;
  required?: boolean;
  error?: string;
  /** Long controls (a text area, an image) sit under the label rather than beside it. */
  stacked?: boolean;
  children: ReactNode;
}

/** A field's label, its control, and the schema's message under it when the value is refused. */
export function FieldShell({ name, label, required, error, stacked, children }: ShellProps) {
  return (
    <View className={`llt-field${stacked ? ' llt-field--stacked' : ''}${error ? ' llt-field--error' : ''}`}>
      <View className="llt-field__row">
        <View className="llt-field__label">
          {label}
          {required && <Text className="llt-field__required">*</Text>}
        </View>
        <View className="llt-field__control">{children}</View>
      </View>
      {error && (
        <View className="llt-field__error" data-testid={`field-error-${name}`}>
          {error}
        </View>
      )}
    </View>
  );
}

/** The placeholder a field shows when the page gives none: what to do, and whether it may stay empty. */
export function defaultPlaceholder(label: string, required: boolean | undefined, verb = '请输入'): string {
  return required ? `${verb}${label}` : '选填';
}
