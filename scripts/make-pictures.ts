/**
 * Renders the app's pictures from the SVG below with the same headless Chromium the browser
 * tests use: the tab-bar icons (81×81 PNG, as WeChat asks), the empty-state picture (a
 * bundled file, so an empty list never fetches an image from elsewhere) and the demo
 * community's photos, covers and avatars (scripts/demo-pictures.ts → server/seed-pictures/,
 * JPEG, each at most 30 KB). Run after changing one: `npx tsx scripts/make-pictures.ts`.
 */
import fs from 'fs';
import path from 'path';
import { chromium } from 'playwright-core';
import { DEMO_PICTURES, pictureFile } from './demo-pictures';

const SEED_PICTURES = path.join(__dirname, '..', 'server', 'seed-pictures');
const MAX_PICTURE_BYTES = 30 * 1024;

const ICONS: Record<string, string> = {
  home: '<path d="M12 40 L40 16 L68 40 M20 34 V66 H60 V34" /><path d="M34 66 V48 H46 V66" />',
  events:
    '<rect x="14" y="20" width="52" height="46" rx="6" /><path d="M14 34 H66 M28 12 V26 M52 12 V26" /><path d="M28 48 L36 56 L52 42" />',
  points: '<circle cx="40" cy="40" r="26" /><path d="M30 30 L40 42 L50 30 M40 42 V56 M31 44 H49" />',
  me: '<circle cx="40" cy="30" r="13" /><path d="M14 68 C16 52 28 46 40 46 C52 46 64 52 66 68" />',
};
const COLORS = { '': '#595959', '-active': '#c8161d' };

/** An open, empty box with a little sparkle: 320×240, light enough to sit on the grey page. */
const EMPTY_PICTURE = `<svg width="320" height="240" viewBox="0 0 320 240" fill="none" stroke-linecap="round" stroke-linejoin="round">
  <ellipse cx="160" cy="206" rx="112" ry="14" fill="#ececec" />
  <path d="M72 110 L160 82 L248 110 L248 186 L160 206 L72 186 Z" fill="#ffffff" stroke="#cfcfcf" stroke-width="5" />
  <path d="M72 110 L160 134 L248 110 M160 134 V206" stroke="#cfcfcf" stroke-width="5" />
  <path d="M72 110 L44 82 L132 56 L160 82 M248 110 L276 82 L188 56 L160 82" fill="#f7f7f7" stroke="#cfcfcf" stroke-width="5" />
  <path d="M224 30 V50 M214 40 H234 M100 24 V36 M94 30 H106" stroke="#c8161d" stroke-width="4" />
</svg>`;

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 });
  for (const [name, paths] of Object.entries(ICONS)) {
    for (const [suffix, color] of Object.entries(COLORS)) {
      await page.setContent(
        `<body style="margin:0;background:transparent"><svg width="81" height="81" viewBox="0 0 80 80" fill="none" stroke="${color}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round">${paths}</svg></body>`,
      );
      const file = path.join(__dirname, '..', 'src', 'assets', 'tab', `${name}${suffix}.png`);
      await page.locator('svg').screenshot({ path: file, omitBackground: true });
    }
  }
  await page.setViewportSize({ width: 320, height: 240 });
  await page.setContent(`<body style="margin:0;background:transparent">${EMPTY_PICTURE}</body>`);
  await page
    .locator('svg')
    .screenshot({ path: path.join(__dirname, '..', 'src', 'assets', 'empty.png'), omitBackground: true });
  fs.mkdirSync(SEED_PICTURES, { recursive: true });
  for (const picture of DEMO_PICTURES) {
    await page.setViewportSize({ width: picture.width, height: picture.height });
    await page.setContent(
      `<body style="margin:0"><svg width="${picture.width}" height="${picture.height}" viewBox="0 0 ${picture.width} ${picture.height}" xmlns="http://www.w3.org/2000/svg">${picture.svg}</svg></body>`,
    );
    const file = path.join(SEED_PICTURES, pictureFile(picture));
    await page.locator('svg').screenshot({ path: file, type: 'jpeg', quality: 82 });
    const bytes = fs.statSync(file).size;
    if (bytes > MAX_PICTURE_BYTES) throw new Error(`${file} is ${bytes} bytes, over ${MAX_PICTURE_BYTES}`);
    console.log(`${path.relative(process.cwd(), file)}  ${(bytes / 1024).toFixed(1)} KB`);
  }
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
