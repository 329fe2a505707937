import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { WishView } from '@core/contract';
import type { WishStatus } from '@core/domain/wishes';
import { formatDay } from '@core/time';
import './index.scss';

type Tone = 'primary' | 'success' | 'warning' | 'default' | 'danger';

/** How each status looks; the words are the server's `statusLabel`. */
const TONES: Record<WishStatus, Tone> = {
  pending: 'warning',
  rejected: 'default',
  open: 'primary',
  claimed: 'success',
  fulfilled: 'success',
  closed: 'default',
  withdrawn: 'default',
};

/** The tag a wish wears: its status as the server words it, red when overdue or hidden. */
export function wishTone(wish: Pick<WishView, 'status' | 'isOverdue' | 'hiddenReason'>): Tone {
  return wish.isOverdue || wish.hiddenReason ? 'danger' : TONES[wish.status];
}

interface Props {
  wish: WishView;
  onOpen?(wish: WishView): void;
  /** Under the card's lines: a claim's state, the actions a staff queue offers. */
  children?: ReactNode;
}

/**
 * One wish on the wall or in a list: what is wished, for whom as the wall may say it (王** · 3栋),
 * by when, and where it stands.
 */
export function WishCard({ wish, onOpen, children }: Props) {
  const [cover] = wish.photos;
  return (
    <View className="section llt-wish-card" data-testid="wish-card">
      <View className={`row${onOpen ? ' tap' : ''}`} onClick={onOpen ? () => onOpen(wish) : undefined}>
        <View className="llt-wish-card__main">
          <View className="row">
            <View className="section__title llt-wish-card__title">{wish.title}</View>
            <Tag type={wishTone(wish)}>{wish.statusLabel}</Tag>
          </View>
          <View className="muted">
            {wish.categoryLabel} · {wish.recipient}
            {wish.onBehalf ? ' · 社区代发布' : ''}
          </View>
          <View className="muted" data-testid="wish-due">
            期望 {formatDay(wish.wantedBy)} 前
            {wish.isDueSoon && <View className="llt-wish-card__soon">即将到期</View>}
          </View>
          {wish.claim && (
            <View className="muted">
              {wish.status === 'closed' ? '完成人' : '认领人'}：{wish.claim.memberName}
            </View>
          )}
          {wish.rejectReason && <View className="text-danger">未通过：{wish.rejectReason}</View>}
          {wish.hiddenReason && <View className="text-danger">已屏蔽：{wish.hiddenReason}</View>}
        </View>
        {cover && <Image className="llt-wish-card__photo" src={cover} mode="aspectFill" lazyLoad />}
      </View>
      {children}
    </View>
  );
}

/** Photos in a grid; a tap opens them full size. */
export function PhotoGrid({ photos, testId }: { photos: readonly string[]; testId?: string }) {
  if (photos.length === 0) return null;
  const open = (current: string) => void Taro.previewImage({ urls: [...photos], current });
  return (
    <View className="llt-wish-photos" data-testid={testId}>
      {photos.map((photo) => (
        <Image
          key={photo}
          className="llt-wish-photos__item tap"
          src={photo}
          mode="aspectFill"
          onClick={() => open(photo)}
        />
      ))}
    </View>
  );
}
