import { toCsv, csvCell } from '../../core/domain/csv';
import { hidesTarget, reportRefusal } from '../../core/domain/moderation';

test('only a public item can be reported, and not by its author', () => {
  expect(reportRefusal({ isPublic: true, authorId: 'u-a' }, 'u-b')).toBeNull();
  expect(reportRefusal({ isPublic: true, authorId: 'u-a' }, 'u-a')).toBe('REPORT_OWN');
  expect(reportRefusal({ isPublic: false, authorId: 'u-a' }, 'u-b')).toBe('REPORT_NOT_PUBLIC');
});

test('an image verdict other than pass takes the item down; a failed check does not', () => {
  expect(hidesTarget('risky')).toBe(true);
  expect(hidesTarget('review')).toBe(true);
  expect(hidesTarget('pass')).toBe(false);
  expect(hidesTarget('error')).toBe(false);
  expect(hidesTarget('pending')).toBe(false);
});

describe('CSV', () => {
  test('a UTF-8 file with a BOM and CRLF lines, quoting what needs it', () => {
    const csv = toCsv(
      ['姓名', '说明'],
      [
        ['陈建国', '修台灯, 送鞋'],
        ['王"小"明', 2.5],
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFF姓名,说明\r\n陈建国,"修台灯, 送鞋"\r\n"王""小""明",2.5\r\n');
  });

  test('text a spreadsheet would run as a formula is defused; numbers are not', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });
});
