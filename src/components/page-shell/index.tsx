import { useEffect, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import { ConfigProvider } from '@nutui/nutui-react-taro';
import { pageUrl } from '@core/routes';
import { useSession } from '../../stores/session';
import { useSettings } from '../../stores/settings';
import { BASE_THEME, CARE_THEME, pageClassName } from '../../theme/care';
import { devOpenid, isLocalCloud } from '../../services/dev-identity';
import { redirect } from '../../services/navigation';

export const DEV_LOGIN_PAGE = pageUrl('devLogin');

interface Props {
  children: ReactNode;
  className?: string;
  /** The dev login page itself must not wait for a login. */
  requiresLogin?: boolean;
}

/** Every page's root: applies 关怀模式 and makes sure the resident is logged in. */
export function PageShell({ children, className, requiresLogin = true }: Props) {
  const careMode = useSettings((s) => s.careMode);
  const status = useSession((s) => s.status);
  const login = useSession((s) => s.login);

  useEffect(() => {
    if (!requiresLogin || status !== 'idle') return;
    if (isLocalCloud && !devOpenid()) {
      redirect('devLogin');
      return;
    }
    void login();
  }, [requiresLogin, status, login]);

  return (
    <ConfigProvider theme={careMode ? CARE_THEME : BASE_THEME}>
      <View className={pageClassName(careMode, className)}>{children}</View>
    </ConfigProvider>
  );
}
