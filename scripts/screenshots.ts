/**
 * `npm run screenshots`: the pictures of the app the README shows, taken from the H5 build on the
 * seeded demo community (the browser tests' harness), on a 375 × 667 phone, in normal mode and in
 * 关怀模式, written to docs/screenshots/<page>-<mode>.png. Run it after changing how a page looks,
 * and commit the pictures with the change.
 */
import fs from 'fs';
import path from 'path';
import { pageUrl, type RouteName } from '../core/routes';
import { ROOT } from '../server/paths';
import type { Page } from 'playwright-core';
import { front, showPage, startHarness } from '../tests/e2e/harness';

const OUT_DIR = path.join(ROOT, 'docs', 'screenshots');
const PHONE = { width: 375, height: 667 };
const VOLUNTEER = 'demo-volunteer-zhao';

interface Shot {
  name: string;
  route: RouteName;
  params?: Record<string, string>;
  /** What to tap once the page shows, before the picture. */
  then?: (page: Page) => Promise<void>;
}

/** What the README shows, by file name: the page and what it opens on. */
const SHOTS: Shot[] = [
  { name: 'home', route: 'home' },
  { name: 'goods', route: 'points' },
  {
    name: 'ranking',
    route: 'ranking',
    // 总榜: the demo's month has one earner so far, the whole ranking has the podium.
    then: async (page) => {
      await front(page).locator('.nut-tabs-titles-item', { hasText: '总榜' }).click();
      await page.waitForLoadState('networkidle');
      await front(page).locator('[data-testid="skeleton"]').waitFor({ state: 'detached' });
    },
  },
  { name: 'history', route: 'history' },
  { name: 'results', route: 'voteRound', params: { id: 'r-demo-autumn' } },
];

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const h = await startHarness();
  try {
    for (const [mode, care] of [
      ['normal', false],
      ['care', true],
    ] as const) {
      // 关怀模式 is on the person's profile; logging in applies it.
      const res = await h.cloud.invoke(
        'user',
        { action: 'setCareMode', input: { enabled: care } },
        VOLUNTEER,
      );
      if (!res.ok) throw new Error(`user.setCareMode: ${res.message}`);
      const page = await h.openAs(VOLUNTEER);
      await page.setViewportSize(PHONE);
      for (const shot of SHOTS) {
        await showPage(page, h.baseUrl, pageUrl(shot.route, (shot.params ?? {}) as never));
        await shot.then?.(page);
        const file = path.join(OUT_DIR, `${shot.name}-${mode}.png`);
        await page.screenshot({ path: file });
        console.log(path.relative(ROOT, file));
      }
      await page.context().close();
    }
  } finally {
    await h.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
