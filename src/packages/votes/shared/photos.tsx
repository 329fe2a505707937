import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

/** Photos in a row; a tap opens them full screen. */
export function Photos({ photos }: { photos: readonly string[] }) {
  if (photos.length === 0) return null;
  return (
    <View className="votes-photos">
      {photos.map((src) => (
        <Image
          key={src}
          className="votes-photo"
          src={src}
          mode="aspectFill"
          onClick={() => void Taro.previewImage({ current: src, urls: [...photos] })}
        />
      ))}
    </View>
  );
}
