import { type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import '@nutui/nutui-react-taro/dist/styles/theme-default.css';
import './app.scss';
import { initCloud } from './services/cloud';

function App({ children }: PropsWithChildren) {
  useLaunch(initCloud);
  return children;
}

export default App;
