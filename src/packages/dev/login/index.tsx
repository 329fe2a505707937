import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { PageShell } from '../../../components/page-shell';
import { setDevOpenid } from '../../../services/dev-identity';
import { fetchDemoUsers, type DemoUser } from '../../../services/dev-api';
import { useSession } from '../../../stores/session';

/** Local cloud only: stands in for WeChat login by picking one of the seeded residents. */
export default function DevLogin() {
  const [users, setUsers] = useState<DemoUser[]>([]);

  useEffect(() => {
    void fetchDemoUsers().then(setUsers);
  }, []);

  const pick = (user: DemoUser) => {
    setDevOpenid(user.openid);
    useSession.getState().reset();
    void Taro.reLaunch({ url: '/pages/home/index' });
  };

  return (
    <PageShell requiresLogin={false}>
      <View className="section muted">
        本地开发环境：选择一位演示用户登录（生产环境由微信自动识别身份）。
      </View>
      <CellGroup>
        {users.map((user) => (
          <Cell
            key={user.openid}
            title={user.nickname}
            description={user.description}
            clickable
            onClick={() => pick(user)}
            data-testid={`demo-user-${user.openid}`}
          />
        ))}
      </CellGroup>
    </PageShell>
  );
}
