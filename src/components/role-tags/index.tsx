import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { ROLE_LABELS, sortRoles, type Role } from '@core/domain/roles';

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  return (
    <View className="role-tags" data-testid="role-tags">
      {sortRoles(roles).map((role) => (
        <Tag key={role} type={role === 'resident' ? 'default' : 'primary'}>
          {ROLE_LABELS[role]}
        </Tag>
      ))}
    </View>
  );
}
