import { View } from '@tarojs/components';
import type { RouteName } from '@core/routes';

export interface Feature {
  key: string;
  name: string;
  description: string;
  /** Where the entry leads once the feature is open; null while it is not. */
  route: RouteName | null;
}

interface Props {
  feature: Feature;
  onOpen(feature: Feature): void;
}

/** One of the four doors on the home page. */
export function FeatureEntry({ feature, onOpen }: Props) {
  return (
    <View className="entry tap" onClick={() => onOpen(feature)} data-testid={`entry-${feature.key}`}>
      <View className="entry__name">{feature.name}</View>
      <View className="entry__desc">{feature.description}</View>
      {!feature.route && <View className="entry__badge">即将开放</View>}
    </View>
  );
}
