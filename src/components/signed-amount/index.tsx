import { useState } from 'react';
import { View } from '@tarojs/components';
import { Radio } from '@nutui/nutui-react-taro';
import { NumberField } from '../form/number-field';
import { type FieldProps } from '../form/field';

export type Sign = 'plus' | 'minus';

interface Props extends FieldProps<number> {
  /** What each direction means here, e.g. 增加 / 扣减, 补货 / 报损. */
  labels: Record<Sign, string>;
}

/**
 * A signed amount entered as a direction plus a number: the phone's number keyboard in the
 * mini-program has no minus key. The value is the signed number the action takes.
 */
export function SignedAmountField({ labels, value, onChange, ...field }: Props) {
  const [sign, setSign] = useState<Sign>(value !== undefined && value < 0 ? 'minus' : 'plus');
  const apply = (next: Sign, magnitude: number | undefined) =>
    onChange(magnitude === undefined ? undefined : next === 'minus' ? -magnitude : magnitude);
  const magnitude = value === undefined ? undefined : Math.abs(value);
  return (
    <View>
      <Radio.Group
        value={sign}
        onChange={(v) => {
          setSign(v as Sign);
          apply(v as Sign, magnitude);
        }}
        direction="horizontal"
      >
        <Radio value="plus">{labels.plus}</Radio>
        <Radio value="minus">{labels.minus}</Radio>
      </Radio.Group>
      <NumberField {...field} min={undefined} value={magnitude} onChange={(m) => apply(sign, m)} />
    </View>
  );
}
