import { Text } from '@tarojs/components';

interface Props {
  value: number;
  /** Without the green/red colour (a total in grey text). */
  plain?: boolean;
}

/** `+20` or `-50`: points credited or debited, coloured unless `plain`. */
export function SignedNumber({ value, plain }: Props) {
  const className = plain ? undefined : value > 0 ? 'amount--plus' : 'amount--minus';
  return <Text className={className}>{`${value > 0 ? '+' : ''}${value}`}</Text>;
}
