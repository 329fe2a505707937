import { View } from '@tarojs/components';
import { Avatar, Cell, CellGroup, Switch } from '@nutui/nutui-react-taro';
import type { RouteName } from '@core/routes';
import { PageShell } from '../../components/page-shell';
import { RoleTags } from '../../components/role-tags';
import { hasRole, useSession } from '../../stores/session';
import { useSettings } from '../../stores/settings';
import { saveCareMode } from '../../services/care-mode';
import { clearDevOpenid, isLocalCloud } from '../../services/dev-identity';
import { go, relaunch } from '../../services/navigation';

const open = (route: RouteName) => () => go(route);

function switchDemoUser() {
  clearDevOpenid();
  useSession.getState().reset();
  relaunch('devLogin');
}

export default function Me() {
  const user = useSession((s) => s.user);
  const careMode = useSettings((s) => s.careMode);

  return (
    <PageShell>
      <View className="section row">
        <View>
          <View className="section__title" data-testid="me-nickname">
            {user?.nickname ?? '未登录'}
          </View>
          {user && <RoleTags roles={user.roles} />}
          {user?.building && (
            <View className="muted">
              {user.building}
              {user.unit}
            </View>
          )}
        </View>
        <Avatar size="large" src={user?.avatarUrl || undefined}>
          {user?.nickname.slice(0, 1)}
        </Avatar>
      </View>

      <CellGroup>
        <Cell title="编辑资料" clickable onClick={open('profile')} />
        <Cell
          title="志愿者注册"
          description={hasRole(user, 'volunteer') ? '已注册' : '登记实名，记录志愿服务'}
          clickable
          onClick={open('volunteer')}
        />
        <Cell
          title="在职党员双报到"
          description={hasRole(user, 'party_member') ? '已认证' : '向社区报到，认领微心愿'}
          clickable
          onClick={open('party')}
        />
        <Cell title="我的服务记录" description="服务时长、志愿服务证明" clickable onClick={open('record')} />
        <Cell title="我的心愿" description="发布的微心愿和进展" clickable onClick={open('myWishes')} />
        {hasRole(user, 'party_member') && (
          <>
            <Cell title="我认领的" description="认领的微心愿" clickable onClick={open('claimedWishes')} />
            <Cell
              title="双报到记录"
              description="微心愿与志愿服务，可保存为图片"
              clickable
              onClick={open('partyRecord')}
            />
          </>
        )}
        {hasRole(user, 'volunteer') && (
          <Cell
            title="电子志愿者证"
            description="忘带手机扫码时请负责人扫此码"
            clickable
            onClick={open('card')}
          />
        )}
        <Cell title="我的消息" clickable onClick={open('messages')} />
        <Cell
          title="隐私与数据"
          description="查看、导出我的数据，注销账号"
          clickable
          onClick={open('privacy')}
        />
        <Cell
          title="关怀模式"
          description="大字体、高对比、大按钮"
          extra={
            <Switch
              checked={careMode}
              onChange={(value) => void saveCareMode(value)}
              data-testid="care-switch"
            />
          }
        />
      </CellGroup>

      {hasRole(user, 'staff') && (
        <CellGroup>
          <Cell
            title="社区工作台"
            description="审核、核销、活动、微心愿、百姓点菜、数据与导出"
            clickable
            onClick={open('staffWorkbench')}
          />
        </CellGroup>
      )}

      {isLocalCloud && (
        <CellGroup title="本地调试">
          <Cell title="切换演示用户" clickable onClick={switchDemoUser} />
          <Cell title="通知发件箱" clickable onClick={open('devOutbox')} />
        </CellGroup>
      )}
    </PageShell>
  );
}
