import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import { PageShell } from '../../components/page-shell';
import { FeatureEntry, type Feature } from '../../components/feature-entry';
import { hasRole, useSession } from '../../stores/session';
import { useSettings } from '../../stores/settings';
import { saveCareMode } from '../../services/care-mode';
import { go } from '../../services/navigation';
import { COMMUNITY_NAME, FEATURES } from './features';

function open(feature: Feature) {
  if (feature.route) go(feature.route);
  else void Taro.showToast({ title: `${feature.name}即将开放`, icon: 'none' });
}

export default function Home() {
  const user = useSession((s) => s.user);
  const asked = useSettings((s) => s.careModeAsked);
  const markAsked = useSettings((s) => s.markCareModeAsked);

  const answerCareOffer = (enabled: boolean) => {
    markAsked();
    if (enabled) void saveCareMode(true);
  };

  return (
    <PageShell>
      <View className="hero">
        <View className="hero__title">{COMMUNITY_NAME}</View>
        <View className="hero__sub">
          {user ? `${user.nickname}，您好！` : '您好！'}党建引领 · 邻里互助 · 共建共享
        </View>
      </View>
      <View className="entry-grid">
        {FEATURES.map((feature) => (
          <FeatureEntry key={feature.key} feature={feature} onOpen={open} />
        ))}
      </View>
      {hasRole(user, 'staff') && (
        <View className="section tap" onClick={() => go('staffWorkbench')} data-testid="home-workbench">
          <View className="section__title">社区工作台</View>
          <View className="muted">审核、核销、活动管理、数据看板与导出</View>
        </View>
      )}
      <Dialog
        visible={Boolean(user) && !asked}
        title="需要大字体吗？"
        content="开启「关怀模式」后，文字更大、颜色更清楚、按钮更好点。随时可在「我的」里更改。"
        confirmText="开启关怀模式"
        cancelText="暂不需要"
        onConfirm={() => answerCareOffer(true)}
        onCancel={() => answerCareOffer(false)}
      />
    </PageShell>
  );
}
