// The browser tests drive Debian's Chromium, with a Chinese font: the 关怀模式 test measures
// where lines break and whether anything runs past the edge, which needs real glyphs, the same on
// every machine. Install what is missing when we may (root).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHINESE_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

const missing = [];
if (!existsSync(CHROMIUM)) missing.push('chromium');
if (!existsSync(CHINESE_FONT)) missing.push('fonts-wqy-microhei');

if (missing.length > 0) {
  if (process.getuid?.() !== 0) {
    console.error(
      `缺少 ${missing.join('、')}：请先安装（sudo apt-get install ${missing.join(' ')}）` +
        (missing.includes('chromium') ? '，或设置 CHROMIUM_PATH。' : '。'),
    );
    process.exit(1);
  }
  console.log(`正在安装 ${missing.join(' ')}…`);
  execSync(
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`,
    {
      stdio: 'inherit',
    },
  );
}
