import { type PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import '@nutui/nutui-react-taro/dist/styles/theme-default.css';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp' && Taro.cloud) {
      // TARO_APP_CLOUD_ENV from .env.production, fixed at build time; empty: the default environment.
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
    }
  });
  return children;
}

export default App;
