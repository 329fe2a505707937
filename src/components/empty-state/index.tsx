import { Image, View } from '@tarojs/components';
import picture from '../../assets/empty.png';
import { LightButton } from '../light-button';
import './index.scss';

export interface EmptyAction {
  text: string;
  onClick(): void;
}

export interface EmptyProps {
  title: string;
  description?: string;
  /** The next useful step, e.g. 去报名活动. */
  action?: EmptyAction;
}

/**
 * Nothing to show yet, with a picture bundled in the app (NutUI's `Empty` fetches its picture
 * from a remote host: a broken image and the word "empty" wherever that host is out of reach).
 */
export function EmptyState({ title, description, action }: EmptyProps) {
  return (
    <View className="llt-state" data-testid="empty-state">
      <Image className="llt-state__picture" src={picture} mode="aspectFit" />
      <View className="llt-state__title">{title}</View>
      {description && <View className="llt-state__description">{description}</View>}
      {action && (
        <View className="llt-state__actions">
          <LightButton type="primary" onClick={action.onClick}>
            {action.text}
          </LightButton>
        </View>
      )}
    </View>
  );
}
