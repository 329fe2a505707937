// The browser tests drive Debian's Chromium. Install it when it is missing and we may (root).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(
      `找不到 ${CHROMIUM}：请先安装 chromium（sudo apt-get install chromium）或设置 CHROMIUM_PATH。`,
    );
    process.exit(1);
  }
  console.log('正在安装 chromium…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
}
