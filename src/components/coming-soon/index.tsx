import { View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';

/** What a feature's tab shows until the feature lands. */
export function ComingSoon({ feature }: { feature: string }) {
  return (
    <View className="placeholder">
      <Empty title={`${feature}即将开放`} description="社区正在筹备中，敬请期待" />
    </View>
  );
}
