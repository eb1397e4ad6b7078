// Load-time benchmark, run by `cargo xtask bench`: time until the home screen shows, on a first visit (empty
// caches, from the server) and on repeat visits (from the service worker's cache), side by side in headless
// Chromium. Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { serve } from '../e2e/serve.mjs';
import { CHROMIUM } from './chromium.mjs';

const [root] = process.argv.slice(2);
const port = 4181;
const url = `http://127.0.0.1:${port}/`;
const server = await serve(root, port);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds from navigation start until the home screen's heading is in the page. */
async function timeToHome(page) {
  await page.getByRole('heading', { level: 1, name: 'We got lucky' }).waitFor();
  return page.evaluate(() => window.gotluckyShownAt);
}

async function fresh() {
  const profile = mkdtempSync(join(tmpdir(), 'gotlucky-bench-'));
  const context = await chromium.launchPersistentContext(profile, CHROMIUM);
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('h1')) {
        window.gotluckyShownAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return { context, profile, page: context.pages()[0] ?? (await context.newPage()) };
}

const first = [];
const repeat = [];
for (let run = 0; run < 5; run++) {
  const { context, profile, page } = await fresh();
  await page.goto(url);
  first.push(await timeToHome(page));
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  for (let visit = 0; visit < 3; visit++) {
    await page.goto(url);
    repeat.push(await timeToHome(page));
  }
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`\nload benchmark (headless Chromium, loopback server, time until the home screen shows)`);
console.log(`  first visit, median      ${median(first).toFixed(1)} ms over ${first.length} fresh profiles`);
console.log(`  repeat visit, median     ${median(repeat).toFixed(1)} ms over ${repeat.length} visits from the service worker cache`);
server.close();
