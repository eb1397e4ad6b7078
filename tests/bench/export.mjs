// Export benchmark, run by `cargo xtask bench`: with a review of 1,000 observations in localStorage and the CPU
// slowed 4x, opens the export screen and turns an export option on and off, which exports the review again each
// time. Reads the app's own measure around the Markdown export (gotlucky:export) and prints its median and worst
// (target: at most 10 ms); asserts nothing.
import { readFileSync } from 'node:fs';
import { serve } from '../e2e/serve.mjs';
import { launchChromium, storeEntries } from './chromium.mjs';

const [root, reviewFile, reviewId] = process.argv.slice(2);
const entries = JSON.parse(readFileSync(reviewFile, 'utf8'));
const port = Number(process.env.BENCH_PORT ?? 4184);
const CPU_RATE = 4;
const TOGGLES = 15;
const server = await serve(root, port);
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/#/`);
await storeEntries(page, entries);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
// Straight to the export screen: the app reads the stored review as it starts.
await page.goto(`http://127.0.0.1:${port}/#/review/${reviewId}/export`);
await page.reload();
await page.getByRole('heading', { level: 1, name: 'Export Markdown' }).waitFor();

const measures = () => page.evaluate(() => performance.getEntriesByName('gotlucky:export').map((entry) => entry.duration));
await page.waitForFunction(() => performance.getEntriesByName('gotlucky:export').length > 0);
const [opening] = await measures();
const markdown = await page.getByRole('textbox', { name: 'Markdown' }).inputValue();

// Each change of an option exports again; wait for that export's measure before the next change.
const option = page.getByRole('checkbox', { name: 'Include unanswered questions' });
for (let toggle = 0; toggle < TOGGLES; toggle++) {
  const count = (await measures()).length;
  await option.click();
  await page.waitForFunction((count) => performance.getEntriesByName('gotlucky:export').length > count, count);
}
const exports = (await measures()).slice(1).sort((a, b) => a - b);
const median = exports[Math.floor(exports.length / 2)];
const worst = exports[exports.length - 1];

console.log(`\nexport benchmark (headless Chromium, CPU slowed ${CPU_RATE}x, a review of 1,000 observations)`);
console.log(`  Markdown written         ${(markdown.length / 1000).toFixed(1)} KB`);
console.log(`  export on opening        ${opening.toFixed(2)} ms`);
console.log(`  export, median           ${median.toFixed(2)} ms over ${exports.length} exports (an option turned on or off; target at most 10 ms)`);
console.log(`  export, worst            ${worst.toFixed(2)} ms`);
await browser.close();
server.close();
