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
  /** What is new there now, e.g. 2 个待认领; 即将开放 for a feature not open yet. */
  status?: string;
  onOpen(feature: Feature): void;
}

/** One of the four doors on the home page. */
export function FeatureEntry({ feature, status, onOpen }: Props) {
  return (
    <View className="entry tap" onClick={() => onOpen(feature)} data-testid={`entry-${feature.key}`}>
      <View className="entry__name">{feature.name}</View>
      <View className="entry__desc">{feature.description}</View>
      {(status || !feature.route) && (
        <View className="entry__badge" data-testid="entry-status">
          {feature.route ? status : '即将开放'}
        </View>
      )}
    </View>
  );
}
