/**
 * Draws the certificate layout on a 2D canvas and saves it: to the photo album in the
 * mini-program, as a PNG download in H5.
 */
import Taro from '@tarojs/taro';
import { CARD_WIDTH, xFor, type TextLine } from './layout';

interface Ctx2D {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  font: string;
  textAlign: string;
  scale(x: number, y: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
}

interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
}

export const CANVAS_ID = 'certificate-canvas';

function paint(canvas: CanvasLike, lines: TextLine[], height: number, ratio: number): void {
  canvas.width = CARD_WIDTH * ratio;
  canvas.height = height * ratio;
  const ctx = canvas.getContext('2d') as Ctx2D;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#fffdf7';
  ctx.fillRect(0, 0, CARD_WIDTH, height);
  ctx.strokeStyle = '#c8161d';
  ctx.lineWidth = 4;
  ctx.strokeRect(12, 12, CARD_WIDTH - 24, height - 24);
  for (const line of lines) {
    ctx.font = `${line.bold ? 'bold ' : ''}${line.size}px sans-serif`;
    ctx.fillStyle = line.color ?? '#1a1a1a';
    ctx.textAlign = line.align === 'left' ? 'left' : line.align === 'right' ? 'right' : 'center';
    ctx.fillText(line.text, xFor(line.align), line.y);
  }
}

async function saveInMiniProgram(lines: TextLine[], height: number): Promise<void> {
  const [res] = await new Promise<{ node: CanvasLike }[]>((resolve) =>
    Taro.createSelectorQuery().select(`#${CANVAS_ID}`).fields({ node: true, size: true }).exec(resolve),
  );
  paint(res.node, lines, height, Taro.getSystemInfoSync().pixelRatio);
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas: res.node,
  } as Taro.canvasToTempFilePath.Option);
  await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
}

function downloadInBrowser(lines: TextLine[], height: number): void {
  const canvas = document.createElement('canvas');
  paint(canvas, lines, height, 2);
  const link = document.createElement('a');
  link.href = canvas.toDataURL('image/png');
  link.download = '志愿服务证明.png';
  link.click();
}

export async function saveCertificateImage(lines: TextLine[], height: number): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') await saveInMiniProgram(lines, height);
  else downloadInBrowser(lines, height);
}
