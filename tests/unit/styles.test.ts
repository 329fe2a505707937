/**
 * Every font size in our styles goes through `text(role, size)` (also as the fallback of a NutUI variable) (src/theme/_tokens.scss), so
 * 关怀模式's theme reaches it: a bare `font-size: 24px` would stay small in care mode, on a page
 * the browser test may not happen to show in the state that has it. Printed pages are exempt.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');

function scssFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return scssFiles(full);
    return entry.name.endsWith('.scss') ? [full] : [];
  });
}

/** `font-size:` declarations outside `@media print { … }`, as `file:line: declaration`. */
function bareFontSizes(file: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let printDepth: number | null = null;
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (printDepth === null && /@media\s+print/.test(line)) printDepth = depth;
      const declaration = line.match(/(^|[\s;{])font-size\s*:\s*([^;]+);?/);
      if (declaration && printDepth === null && !/\btext\(/.test(declaration[2])) {
        found.push(`${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`);
      }
      depth += (line.match(/{/g) ?? []).length - (line.match(/}/g) ?? []).length;
      if (printDepth !== null && depth <= printDepth) printDepth = null;
    });
  return found;
}

test('every font-size in src/ goes through text() (care mode can size it)', () => {
  const files = scssFiles(SRC);
  expect(files.length).toBeGreaterThan(20);
  expect(files.flatMap(bareFontSizes)).toEqual([]);
});

test('the check finds a bare size, and lets a printed page have its own', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llt-styles-'));
  const file = path.join(dir, 'page.scss');
  fs.writeFileSync(
    file,
    '.a {\n  font-size: text(body, 30px);\n}\n.b { font-size: 24px; }\n@media print {\n  .c {\n    font-size: 10pt;\n  }\n}\n.d {\n  font-size: 12px;\n}\n',
  );
  expect(bareFontSizes(file).map((f) => f.replace(/^.*page\.scss/, 'page.scss'))).toEqual([
    'page.scss:4: .b { font-size: 24px; }',
    'page.scss:11: font-size: 12px;',
  ]);
  fs.rmSync(dir, { recursive: true, force: true });
});
