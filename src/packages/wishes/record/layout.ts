/**
 * The 双报到服务记录 as drawing instructions, so the page and the saved image say the same thing:
 * the member, their party organisation, the period, the wishes and events with hours, and the
 * community that keeps the record — what the workplace party organisation asks for at the 评议.
 */
import type { OutputOf } from '@core/contract';
import { formatHours } from '@core/domain/events';
import { formatDate } from '@core/time';
import {
  CARD_MARGIN,
  CARD_WIDTH,
  wrapToWidth,
  type CardImage,
  type TextLine,
} from '../../../services/card-image';

export type PartyRecord = OutputOf<'wishes', 'myRecord'>;

/** Items listed on the image per kind; the totals always count them all. */
const MAX_ITEMS = 8;
const TEXT_WIDTH = CARD_WIDTH - 2 * CARD_MARGIN;

export const recordPeriod = (r: Pick<PartyRecord, 'from' | 'to'>) =>
  `${formatDate(r.from)}至${formatDate(r.to)}`;

export function recordSummary(r: PartyRecord): string {
  return `完成微心愿 ${r.totals.wishes} 件，参加志愿服务活动 ${r.totals.events} 次，累计服务时长 ${r.totals.hoursLabel}。`;
}

export function partyRecordLayout(r: PartyRecord): CardImage {
  const lines: TextLine[] = [];
  let y = 90;
  // Long names (a party organisation, a wish) wrap rather than run off the card.
  const push = (line: Omit<TextLine, 'y'>, gap: number) => {
    for (const text of wrapToWidth(line.text, line.size, TEXT_WIDTH)) {
      lines.push({ ...line, text, y });
      y += gap;
    }
  };
  push({ text: '双报到服务记录', size: 40, bold: true, align: 'center', color: '#c8161d' }, 48);
  push({ text: `${r.year}年度`, size: 24, align: 'center', color: '#666666' }, 64);
  push({ text: `党员：${r.member}`, size: 24, align: 'left' }, 40);
  push({ text: `所在党组织：${r.partyOrg || '—'}`, size: 24, align: 'left' }, 40);
  push({ text: `工作单位：${r.workplace || '—'}`, size: 24, align: 'left' }, 40);
  push({ text: `服务期间：${recordPeriod(r)}`, size: 24, align: 'left' }, 56);
  push({ text: recordSummary(r), size: 24, align: 'left' }, 40);
  const list = (title: string, items: PartyRecord['wishes'], withHours: boolean) => {
    if (items.length === 0) return;
    y += 16;
    push({ text: title, size: 24, bold: true, align: 'left' }, 40);
    for (const item of items.slice(0, MAX_ITEMS)) {
      const hours = withHours ? `（${formatHours(item.minutes)}）` : '';
      push({ text: `${formatDate(item.at)} ${item.title}${hours}`, size: 20, align: 'left' }, 34);
    }
    if (items.length > MAX_ITEMS) push({ text: `……等共 ${items.length} 项`, size: 20, align: 'left' }, 34);
  };
  list('完成的微心愿：', r.wishes, false);
  list('参加的志愿服务：', r.events, true);
  y += 40;
  push({ text: r.organiser, size: 24, align: 'right' }, 40);
  push({ text: formatDate(r.issuedAt), size: 24, align: 'right' }, 50);
  push(
    {
      text: `记录由${r.communityName}如实登记，供双报到年度评议使用`,
      size: 16,
      align: 'center',
      color: '#666666',
    },
    0,
  );
  return { lines, height: y + CARD_MARGIN };
}
