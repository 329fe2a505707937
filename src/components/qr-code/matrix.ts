/**
 * QR modules from the `qrcode` library's pure core (no canvas, no fs), turned into runs
 * of equal colour per row so a code draws with a few hundred views on any platform.
 */
import { create } from 'qrcode/lib/core/qrcode';

export interface Run {
  dark: boolean;
  length: number;
}

/**
 * Our payloads are ASCII. Encoding the bytes here means the library never reaches for
 * TextEncoder, which the mini-program runtime on some phones lacks.
 */
function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}

export function qrMatrix(text: string): boolean[][] {
  const { modules } = create([{ data: asciiBytes(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const rows: boolean[][] = [];
  for (let r = 0; r < modules.size; r += 1) {
    const row: boolean[] = [];
    for (let c = 0; c < modules.size; c += 1) row.push(Boolean(modules.get(r, c)));
    rows.push(row);
  }
  return rows;
}

export function toRuns(row: boolean[]): Run[] {
  const runs: Run[] = [];
  for (const dark of row) {
    const last = runs[runs.length - 1];
    if (last && last.dark === dark) last.length += 1;
    else runs.push({ dark, length: 1 });
  }
  return runs;
}
