import { Image, Text, View } from '@tarojs/components';
import type { GoodsView } from '@core/contract';

interface Props {
  goods: GoodsView;
  onOpen(goods: GoodsView): void;
}

/** One item on the 爱心超市 shelf: photo, name, price, stock and who donated it. */
export function GoodsCard({ goods, onOpen }: Props) {
  const soldOut = goods.stock <= 0;
  return (
    <View
      className={`goods-card tap${soldOut ? ' goods-card--sold-out' : ''}`}
      onClick={() => onOpen(goods)}
      data-testid="goods-card"
    >
      {goods.photoUrl ? (
        <Image className="goods-card__photo" src={goods.photoUrl} mode="aspectFill" lazyLoad />
      ) : (
        <View className="goods-card__photo goods-card__photo--empty">{goods.name.slice(0, 2)}</View>
      )}
      <View className="goods-card__name">{goods.name}</View>
      <View className="goods-card__price">{goods.price} 积分</View>
      <View className="muted">{soldOut ? '已兑完' : `剩余 ${goods.stock} 件`}</View>
      {goods.donorName && (
        // 「捐赠」 stays one word: a narrow card moves it to the next line whole.
        <View className="muted">
          {goods.donorName} <Text className="nowrap">捐赠</Text>
        </View>
      )}
    </View>
  );
}
