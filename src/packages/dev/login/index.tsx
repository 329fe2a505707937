import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { PageShell } from '../../../components/page-shell';
import { Skeleton } from '../../../components/skeleton';
import { setDevOpenid } from '../../../services/dev-identity';
import { fetchDemoUsers, type DemoUser } from '../../../services/dev-api';
import { relaunch } from '../../../services/navigation';
import { useSession } from '../../../stores/session';

/** Local cloud only: stands in for WeChat login by picking one of the seeded residents. */
export default function DevLogin() {
  const [users, setUsers] = useState<DemoUser[] | null>(null);

  useEffect(() => {
    void fetchDemoUsers().then(setUsers);
  }, []);

  const pick = (user: DemoUser) => {
    setDevOpenid(user.openid);
    useSession.getState().reset();
    relaunch('home');
  };

  return (
    <PageShell requiresLogin={false}>
      <View className="section muted">
        本地开发环境：选择一位演示用户登录（生产环境由微信自动识别身份）。
      </View>
      {!users && <Skeleton shape="list" />}
      <CellGroup>
        {users?.map((user) => (
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
