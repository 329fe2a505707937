/** What the detail page shows of a wish, each part only when the server filled it for the caller. */
import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { WishView } from '@core/contract';
import { WISH_CATEGORY_LABELS } from '@core/domain/wishes';
import { formatDateTime, formatDay } from '@core/time';
import { Section } from '../../../components/section';
import { PhotoGrid, wishTone } from '../../../components/wish-card';

export function WishStory({ wish }: { wish: WishView }) {
  return (
    <Section
      title={wish.title}
      extra={<Tag type={wishTone(wish)}>{wish.statusLabel}</Tag>}
      testId="wish-story"
    >
      <View className="muted">
        {wish.categoryLabel} · {wish.recipient}
        {wish.onBehalf ? ' · 社区代发布' : ''}
      </View>
      <View>
        期望日期：{formatDay(wish.wantedBy)}
        {wish.isDueSoon && <View className="text-danger">即将到期</View>}
        {wish.isOverdue && <View className="text-danger">已过期望日期</View>}
      </View>
      {wish.story && <View className="llt-wish-story">{wish.story}</View>}
      <PhotoGrid photos={wish.photos} testId="wish-photos" />
      {wish.edited && <View className="muted">内容经社区工作人员修改</View>}
      {wish.rejectReason && <View className="text-danger">未通过原因：{wish.rejectReason}</View>}
      {wish.hiddenReason && <View className="text-danger">屏蔽原因：{wish.hiddenReason}</View>}
    </Section>
  );
}

/** Who it is for, in full: in the reply only for the live claimer and staff (contactVisible). */
export function WishContact({ wish }: { wish: WishView }) {
  if (!wish.contactVisible || !wish.contact) return null;
  return (
    <Section title="心愿人联系方式" testId="wish-contact">
      <View>姓名：{wish.contact.name}</View>
      <View>电话：{wish.contact.phone || '未留电话，请上门或联系社区'}</View>
      <View>住址：{wish.contact.address}</View>
      <View className="muted">仅认领的党员和社区工作人员可见，请勿外传；认领结束后将不再显示。</View>
    </Section>
  );
}

export function WishProgress({ wish }: { wish: WishView }) {
  const closed = wish.status === 'closed';
  return (
    <Section title="认领与完成" testId="wish-progress">
      {wish.claim ? (
        <View>
          {closed ? '完成人' : '认领人'}：{wish.claim.memberName}（{formatDateTime(wish.claim.claimedAt)}{' '}
          认领）
        </View>
      ) : (
        <View className="muted">{wish.status === 'open' ? '等待双报到党员认领' : '暂无认领'}</View>
      )}
      {wish.fulfilment && (
        <View data-testid="wish-fulfilment">
          <View>完成情况：{wish.fulfilment.note}</View>
          <View className="muted">提交于 {formatDateTime(wish.fulfilment.at)}</View>
          <PhotoGrid photos={wish.fulfilment.photos} />
        </View>
      )}
      {wish.thanks && <View>感谢留言：{wish.thanks}</View>}
      <View className="muted">
        {closed ? `认领党员已获得 ${wish.points} 积分` : `心愿人确认收到后，认领党员获得 ${wish.points} 积分`}
      </View>
    </Section>
  );
}

/** What the poster first wrote, when staff edited it: for the poster and staff. */
export function WishOriginal({ wish }: { wish: WishView }) {
  if (!wish.original) return null;
  return (
    <Section title="发布人原稿" testId="wish-original">
      <View>{wish.original.title}</View>
      <View className="muted">{WISH_CATEGORY_LABELS[wish.original.category]}</View>
      {wish.original.story && <View>{wish.original.story}</View>}
      <PhotoGrid photos={wish.original.photos} />
    </Section>
  );
}
