import { render, screen } from '@testing-library/react';
import { QrCode } from '../../src/components/qr-code';
import { qrMatrix, toRuns, type Run } from '../../src/components/qr-code/matrix';

const TEXT = 'llt:pickup:ABCDEFGH';

/** The 7×7 finder pattern: dark border, light ring, dark 3×3 centre. */
function isFinderAt(matrix: boolean[][], top: number, left: number): boolean {
  for (let r = 0; r < 7; r += 1) {
    for (let c = 0; c < 7; c += 1) {
      const border = r === 0 || r === 6 || c === 0 || c === 6;
      const centre = r >= 2 && r <= 4 && c >= 2 && c <= 4;
      if (matrix[top + r][left + c] !== (border || centre)) return false;
    }
  }
  return true;
}

function expand(runs: Run[]): boolean[] {
  return runs.flatMap((run) => Array<boolean>(run.length).fill(run.dark));
}

describe('qrMatrix', () => {
  const matrix = qrMatrix(TEXT);
  const size = matrix.length;

  test('is square with a side of 21 + 4k modules', () => {
    expect(size).toBeGreaterThanOrEqual(21);
    expect((size - 21) % 4).toBe(0);
    for (const row of matrix) expect(row).toHaveLength(size);
  });

  test('has the three finder patterns at the top-left, top-right and bottom-left corners only', () => {
    expect(isFinderAt(matrix, 0, 0)).toBe(true);
    expect(isFinderAt(matrix, 0, size - 7)).toBe(true);
    expect(isFinderAt(matrix, size - 7, 0)).toBe(true);
    expect(isFinderAt(matrix, size - 7, size - 7)).toBe(false);
  });

  test('the finder patterns are set off by a light separator', () => {
    for (let i = 0; i < 8; i += 1) {
      expect(matrix[7][i]).toBe(false); // below the top-left one
      expect(matrix[i][7]).toBe(false); // right of the top-left one
      expect(matrix[7][size - 1 - i]).toBe(false); // below the top-right one
      expect(matrix[size - 8][i]).toBe(false); // above the bottom-left one
    }
  });

  test('the timing patterns alternate between the finders on row 6 and column 6', () => {
    for (let i = 8; i < size - 8; i += 1) {
      expect(matrix[6][i]).toBe(i % 2 === 0);
      expect(matrix[i][6]).toBe(i % 2 === 0);
    }
  });

  test('rows are rows: the always-dark module is at row size − 8, column 8', () => {
    // ISO/IEC 18004 puts one dark module at (4V + 9, 8); a transposed matrix would move it.
    expect(matrix[size - 8][8]).toBe(true);
    expect(matrix[8][size - 8]).toBe(false); // a format bit for this text, light
  });

  test('is the same for the same text and differs for another code', () => {
    expect(qrMatrix(TEXT)).toEqual(matrix);
    expect(qrMatrix('llt:pickup:ABCDEFGJ')).not.toEqual(matrix);
  });
});

describe('toRuns', () => {
  test('merges equal neighbours into one run', () => {
    expect(toRuns([true, true, false, true, true, true])).toEqual([
      { dark: true, length: 2 },
      { dark: false, length: 1 },
      { dark: true, length: 3 },
    ]);
    expect(toRuns([false, false, false])).toEqual([{ dark: false, length: 3 }]);
    expect(toRuns([])).toEqual([]);
  });

  test('round-trips every row of a real code, with alternating colours', () => {
    for (const row of qrMatrix(TEXT)) {
      const runs = toRuns(row);
      expect(expand(runs)).toEqual(row);
      for (let i = 1; i < runs.length; i += 1) expect(runs[i].dark).not.toBe(runs[i - 1].dark);
      for (const run of runs) expect(run.length).toBeGreaterThan(0);
    }
  });
});

describe('QrCode', () => {
  const matrix = qrMatrix(TEXT);

  function renderedRows(size?: number): HTMLElement[] {
    render(<QrCode text={TEXT} size={size} />);
    const code = screen.getByTestId('qr-code');
    expect(code.getAttribute('data-text')).toBe(TEXT);
    return Array.from(code.children) as HTMLElement[];
  }

  const px = (value: string) => Number.parseFloat(value);
  const BLACK = 'rgb(0, 0, 0)';

  test.each([
    ['the default (200)', undefined, 200],
    ['200', 200, 200],
    ['130', 130, 130],
  ])('size %s: one row per matrix row, runs spanning the full width', (_label, size, side) => {
    const rows = renderedRows(size);
    expect(rows).toHaveLength(matrix.length);
    rows.forEach((row, r) => {
      const cells = Array.from(row.children) as HTMLElement[];
      const runs = toRuns(matrix[r]);
      expect(cells).toHaveLength(runs.length);
      const width = cells.reduce((sum, cell) => sum + px(cell.style.width), 0);
      expect(width).toBeCloseTo(side, 6);
      expect(cells.map((cell) => cell.style.background === BLACK)).toEqual(runs.map((run) => run.dark));
    });
  });
});
