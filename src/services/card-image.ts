/**
 * A card of text lines (志愿服务证明, 双报到服务记录) drawn on a 2D canvas and saved: to the
 * photo album in the mini-program, as a PNG download in H5. A page describes its card as
 * `TextLine`s (pure, testable) and renders `<CardCanvas />` for the mini-program to draw on.
 */
import Taro from '@tarojs/taro';
import { confirmStep, showDone, showError } from './feedback';

export interface TextLine {
  text: string;
  y: number;
  size: number;
  bold?: boolean;
  align: 'left' | 'center' | 'right';
  color?: string;
}

/** What a page draws: its lines and how tall the card is, in CSS pixels on a fixed width. */
export interface CardImage {
  lines: TextLine[];
  height: number;
}

export const CARD_WIDTH = 600;
export const CARD_MARGIN = 48;
export const CARD_CANVAS_ID = 'card-canvas';

/** `2026年11月28日`: a day as a certificate writes it. */

/** Break text into lines of at most `perLine` characters (CJK text has no spaces to break at). */
export function wrap(text: string, perLine: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += perLine) lines.push(text.slice(i, i + perLine));
  return lines;
}

/** About how wide `text` is drawn at `size` px: a Chinese character is a square, a digit or letter about half. */
export function textWidth(text: string, size: number): number {
  return Array.from(text).reduce((width, ch) => width + (ch < '\u2000' ? 0.55 : 1), 0) * size;
}

/** Break text into lines that fit `maxWidth` px at `size` px. */
export function wrapToWidth(text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (line && textWidth(line + ch, size) > maxWidth) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  return line ? [...lines, line] : lines;
}

export function xFor(align: TextLine['align']): number {
  if (align === 'center') return CARD_WIDTH / 2;
  return align === 'right' ? CARD_WIDTH - CARD_MARGIN : CARD_MARGIN;
}

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

function paint(canvas: CanvasLike, { lines, height }: CardImage, ratio: number): void {
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

export type SaveOutcome = 'saved' | 'cancelled' | 'denied' | 'failed';

const errMsg = (error: unknown) => String((error as { errMsg?: string } | null)?.errMsg ?? error);

/**
 * Once declined, WeChat never asks for the album again by itself: the person must switch it on
 * in the mini-program's settings, so the page offers to open them.
 */
async function offerSettings(): Promise<void> {
  const go = await confirmStep({
    title: '需要相册权限',
    content: '保存图片需要允许「添加到相册」，请在设置中打开后再保存',
    confirmText: '去设置',
  });
  if (go) await Taro.openSetting();
}

async function saveInMiniProgram(card: CardImage): Promise<SaveOutcome> {
  const [res] = await new Promise<{ node: CanvasLike }[]>((resolve) =>
    Taro.createSelectorQuery().select(`#${CARD_CANVAS_ID}`).fields({ node: true, size: true }).exec(resolve),
  );
  paint(res.node, card, Taro.getSystemInfoSync().pixelRatio);
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas: res.node,
  } as Taro.canvasToTempFilePath.Option);
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
    return 'saved';
  } catch (error) {
    const message = errMsg(error);
    if (/auth|authorize|permission/i.test(message)) {
      await offerSettings();
      return 'denied';
    }
    if (/cancel/i.test(message)) return 'cancelled';
    throw error;
  }
}

function downloadInBrowser(card: CardImage, filename: string): SaveOutcome {
  const canvas = document.createElement('canvas');
  paint(canvas, card, 2);
  const link = document.createElement('a');
  link.href = canvas.toDataURL('image/png');
  link.download = filename;
  link.click();
  return 'saved';
}

/**
 * Draw `card` and save it as `filename` (H5) or to the album, telling the person how it went:
 * 已保存, the way to the settings when the album was declined, or why it failed.
 */
export async function saveCardImage(card: CardImage, filename: string): Promise<SaveOutcome> {
  try {
    const outcome =
      process.env.TARO_ENV === 'weapp' ? await saveInMiniProgram(card) : downloadInBrowser(card, filename);
    if (outcome === 'saved') showDone('已保存');
    return outcome;
  } catch {
    showError({ message: '保存失败，请稍后重试' });
    return 'failed';
  }
}
