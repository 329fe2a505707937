import { View } from '@tarojs/components';
import { Radio } from '@nutui/nutui-react-taro';
import { TextField } from '../text-field';

export type Sign = 'plus' | 'minus';

interface Props {
  name: string;
  label: string;
  sign: Sign;
  amount: string;
  onSign(sign: Sign): void;
  onAmount(amount: string): void;
  labels: Record<Sign, string>;
}

/**
 * A signed amount entered as a direction plus a number: the phone's number keyboard in the
 * mini-program has no minus key.
 */
export function SignedAmount({ name, label, sign, amount, onSign, onAmount, labels }: Props) {
  return (
    <View>
      <Radio.Group value={sign} onChange={(v) => onSign(v as Sign)} direction="horizontal">
        <Radio value="plus">{labels.plus}</Radio>
        <Radio value="minus">{labels.minus}</Radio>
      </Radio.Group>
      <TextField name={name} label={label} type="number" value={amount} onChange={onAmount} maxLength={6} />
    </View>
  );
}

export function signedValue(sign: Sign, amount: string): number {
  const value = Number(amount);
  return sign === 'minus' ? -value : value;
}
