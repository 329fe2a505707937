import { useState } from 'react';
import { View } from '@tarojs/components';
import { Picker } from '@nutui/nutui-react-taro';
import { FieldShell, defaultPlaceholder, type FieldProps } from './field';

export interface Choice<V extends string> {
  value: V;
  label: string;
}

interface Props<V extends string> extends FieldProps<V> {
  options: readonly Choice<V>[];
}

/** One of many (a donor, …) on a scrolling picker: every option is offered, however many. */
export function SelectField<V extends string>(props: Props<V>) {
  const { name, label, value, onChange, options, required, error, placeholder } = props;
  const [open, setOpen] = useState(false);
  const chosen = options.find((o) => o.value === value);
  return (
    <FieldShell name={name} label={label} required={required} error={error}>
      <View className="llt-field__picker tap" onClick={() => setOpen(true)} data-testid={`select-${name}`}>
        {chosen ? (
          chosen.label
        ) : (
          <View className="llt-field__placeholder">
            {placeholder ?? defaultPlaceholder(label, required, '请选择')}
          </View>
        )}
      </View>
      <Picker
        title={label}
        visible={open}
        options={[options.map((o) => ({ text: o.label, value: o.value }))]}
        value={value === undefined ? [] : [value]}
        onClose={() => setOpen(false)}
        onConfirm={(_options, values) => onChange(values[0] as V)}
      />
    </FieldShell>
  );
}
