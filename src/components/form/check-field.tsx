import { View } from '@tarojs/components';
import { Checkbox } from '@nutui/nutui-react-taro';
import type { FieldProps } from './field';

type Props = Omit<FieldProps<boolean>, 'placeholder'>;

/** A yes/no the resident ticks (上架, a consent); the label is the sentence they agree to. */
export function CheckField({ name, label, value, onChange, error }: Props) {
  return (
    <View className="llt-field llt-field--check">
      <Checkbox checked={Boolean(value)} onChange={(checked) => onChange(checked)} label={label} />
      {error && (
        <View className="llt-field__error" data-testid={`field-error-${name}`}>
          {error}
        </View>
      )}
    </View>
  );
}
