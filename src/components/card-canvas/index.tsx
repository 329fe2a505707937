import { Canvas } from '@tarojs/components';
import { CARD_CANVAS_ID } from '../../services/card-image';

/** The off-screen canvas the mini-program draws a card on before saving it (H5 makes its own). */
export function CardCanvas() {
  if (process.env.TARO_ENV !== 'weapp') return null;
  return (
    <Canvas
      type="2d"
      id={CARD_CANVAS_ID}
      style={{ position: 'fixed', left: '-9999px', width: '600px', height: '1200px' }}
    />
  );
}
