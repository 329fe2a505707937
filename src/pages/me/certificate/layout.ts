/**
 * The 志愿服务证明 as drawing instructions, so the page and the saved image say the same
 * thing. Pure: positions in CSS pixels on a fixed-width card; the caller draws them.
 */
import { ORGANISER_NAME } from '@core/domain/community';
import { formatHours } from '@core/domain/events';
import { formatDate } from '@core/time';
import { CARD_MARGIN, wrap, type CardImage, type TextLine } from '../../../services/card-image';

export interface CertificateData {
  realName: string;
  rows: { title: string; startAt: number; minutes: number }[];
  totalMinutes: number;
}

const MAX_ROWS = 12;

export const day = formatDate;

export function servicePeriod(rows: CertificateData['rows']): string {
  if (rows.length === 0) return '—';
  const dates = rows.map((r) => r.startAt);
  return `${day(Math.min(...dates))}至${day(Math.max(...dates))}`;
}

export function certificateLayout(data: CertificateData, issuedAt: number): CardImage {
  const lines: TextLine[] = [];
  let y = 90;
  lines.push({ text: '志愿服务证明', y, size: 40, bold: true, align: 'center', color: '#c8161d' });
  y += 70;
  const statement =
    `兹证明 ${data.realName} 同志于 ${servicePeriod(data.rows)} 期间，在${ORGANISER_NAME}参加志愿服务活动 ` +
    `${data.rows.length} 次，累计服务时长 ${formatHours(data.totalMinutes)}。`;
  for (const line of wrap(statement, 20)) {
    lines.push({ text: line, y, size: 24, align: 'left' });
    y += 40;
  }
  y += 16;
  lines.push({ text: '服务内容：', y, size: 24, bold: true, align: 'left' });
  y += 40;
  for (const row of data.rows.slice(0, MAX_ROWS)) {
    lines.push({
      text: `${day(row.startAt)} ${row.title}（${formatHours(row.minutes)}）`,
      y,
      size: 20,
      align: 'left',
    });
    y += 34;
  }
  if (data.rows.length > MAX_ROWS) {
    lines.push({ text: `……等共 ${data.rows.length} 次`, y, size: 20, align: 'left' });
    y += 34;
  }
  y += 40;
  lines.push({ text: ORGANISER_NAME, y, size: 24, align: 'right' });
  y += 40;
  lines.push({ text: day(issuedAt), y, size: 24, align: 'right' });
  y += 50;
  lines.push({
    text: '依据《志愿服务记录与证明出具办法》出具',
    y,
    size: 16,
    align: 'center',
    color: '#666666',
  });
  return { lines, height: y + CARD_MARGIN };
}
