import { Image, View } from '@tarojs/components';
import './index.scss';

interface Props {
  name: string;
  url: string;
  /** Diameter by role: `large` for the ranking's podium. */
  size?: 'normal' | 'large';
}

/** A resident's picture, or the first character of their name on a colour of its own. */
export function Avatar({ name, url, size = 'normal' }: Props) {
  const className = `llt-avatar llt-avatar--${size}`;
  if (url) return <Image className={className} src={url} mode="aspectFill" />;
  const hue = [...name].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % 6;
  return <View className={`${className} llt-avatar--initial llt-avatar--hue${hue}`}>{name.slice(0, 1)}</View>;
}
