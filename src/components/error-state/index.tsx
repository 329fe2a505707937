import { View } from '@tarojs/components';
import type { Fail } from '@core/errors';
import { back } from '../../services/navigation';
import { LightButton } from '../light-button';
import '../empty-state/index.scss';

/** What a failed load means to a resident, in plain Chinese. */
export function errorTitle(error: Pick<Fail, 'code'>): string {
  switch (error.code) {
    // A malformed id in a link is, to the resident, a page that is not there.
    case 'NOT_FOUND':
    case 'INVALID_INPUT':
      return '内容不存在或已删除';
    case 'FORBIDDEN':
    case 'NOT_LEADER':
      return '您没有权限查看';
    case 'UNAUTHENTICATED':
      return '请先登录';
    case 'NETWORK':
      return '网络不给力';
    default:
      return '暂时无法加载';
  }
}

interface Props {
  error: Fail;
  onRetry(): void;
}

/** A page that could not load: what happened, 重试, and 返回 (home when there is nowhere back). */
export function ErrorState({ error, onRetry }: Props) {
  const title = errorTitle(error);
  return (
    <View className="llt-state" data-testid="error-state" data-code={error.code}>
      <View className="llt-state__title">{title}</View>
      {error.message !== title && <View className="llt-state__description">{error.message}</View>}
      <View className="llt-state__actions">
        <LightButton type="primary" onClick={onRetry}>
          重试
        </LightButton>
        <LightButton onClick={back}>返回</LightButton>
      </View>
    </View>
  );
}
