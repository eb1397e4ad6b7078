// Storage benchmark, run by `cargo xtask bench`: serves the release build, stores a large review in
// localStorage, and reads the app's own performance measures (gotlucky:load, gotlucky:save) in headless
// Chromium slowed down 4x through the DevTools Protocol. Prints figures; asserts nothing.
import { readFileSync } from 'node:fs';
import { serve } from '../e2e/serve.mjs';
import { launchChromium, storeEntries } from './chromium.mjs';

const [root, reviewFile, reviewId] = process.argv.slice(2);
// The file maps each storage key the app writes for the review to its value.
const entries = JSON.parse(readFileSync(reviewFile, 'utf8'));
const storedSize = Object.values(entries).reduce((total, value) => total + value.length, 0);
const port = 4180;
const server = await serve(root, port);
const browser = await launchChromium();
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

const measures = (name) => page.evaluate((name) => performance.getEntriesByName(name).map((entry) => entry.duration), name);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

await page.goto(`http://127.0.0.1:${port}/#/`);
await storeEntries(page, entries);

const loads = [];
const opens = [];
for (let run = 0; run < 7; run++) {
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'We got lucky' }).waitFor();
  loads.push(...(await measures('gotlucky:load')));
  opens.push(...(await measures('gotlucky:open-storage')));
}

await page.goto(`http://127.0.0.1:${port}/#/review/${reviewId}/scene`);
const field = page.getByRole('textbox', { name: 'What happened', exact: true });
// Waits until the app has recorded one more save than `count`.
const nextSave = (count) =>
  page.waitForFunction((count) => performance.getEntriesByName('gotlucky:save').length > count, count);
for (let edit = 0; edit < 15; edit++) {
  const count = (await measures('gotlucky:save')).length;
  await field.fill(`edit ${edit}`);
  await nextSave(count);
}
const sceneSaves = await measures('gotlucky:save');

// Editing an observation rewrites the head and that observation's step.
await page.goto(`http://127.0.0.1:${port}/#/review/${reviewId}/decreasing`);
await page.getByRole('button', { name: 'Edit', exact: true }).first().click();
const editor = page.getByRole('textbox', { name: 'Edit observation' });
for (let edit = 0; edit < 15; edit++) {
  const count = (await measures('gotlucky:save')).length;
  await editor.fill(`reworded ${edit}`);
  await nextSave(count);
}
const observationSaves = (await measures('gotlucky:save')).slice(sceneSaves.length);
const saves = [...sceneSaves, ...observationSaves];

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
console.log(`\nstorage benchmark (headless Chromium, CPU slowed 4x)`);
console.log(`  stored draft size        ${kb(storedSize)} in ${Object.keys(entries).length} keys (head and one part per question)`);
console.log(`  start-up load, median    ${median(loads).toFixed(2)} ms over ${loads.length} loads (target under 10 ms)`);
console.log(`  (before it, the browser opening localStorage: median ${median(opens).toFixed(2)} ms)`);
console.log(`  one save, median         ${median(saves).toFixed(2)} ms over ${saves.length} saves (target under 2 ms)`);
console.log(`    editing the scene      ${median(sceneSaves).toFixed(2)} ms median (the head is written)`);
console.log(`    editing an observation ${median(observationSaves).toFixed(2)} ms median (the head and one question)`);
console.log(`  one save, slowest        ${Math.max(...saves).toFixed(2)} ms`);
await browser.close();
server.close();
