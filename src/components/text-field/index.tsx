import { View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  maxLength?: number;
  type?: 'text' | 'number' | 'digit';
  name: string;
}

/** A labelled single-line input; `name` also labels it for tests and assistive tech. */
export function TextField({ label, value, onChange, placeholder, maxLength, type, name }: Props) {
  return (
    <View className="field">
      <View className="field__label">{label}</View>
      <Input
        className="field__input"
        name={name}
        value={value}
        type={type ?? 'text'}
        placeholder={placeholder ?? `请输入${label}`}
        maxLength={maxLength}
        onChange={onChange}
      />
    </View>
  );
}
