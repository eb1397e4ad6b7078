// Mount benchmark, run by `cargo xtask bench`: time from navigation start until the heading "We got lucky" is
// in the page, for gotlucky's home screen and for a minimal Leptos app that renders only that heading (built
// from tools/minimal-leptos with the same profile), side by side in the same run. Each load is in a fresh
// browser context (no HTTP cache, no service worker), with the CPU slowed 4x, alternating the two apps so that
// neither gets the quieter moments of the machine. Prints both medians and their ratio (target: at most 1.3x);
// asserts nothing.
import { serve } from '../e2e/serve.mjs';
import { launchChromium } from './chromium.mjs';

const [appRoot, minimalRoot] = process.argv.slice(2);
// Two ports of their own; BENCH_PORT moves them when these are taken.
const port = Number(process.env.BENCH_PORT ?? 4182);
const CPU_RATE = 4;
const LOADS = 5;
const servers = [await serve(appRoot, port), await serve(minimalRoot, port + 1)];
const browser = await launchChromium();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds from navigation start until the h1 "We got lucky" is in the DOM, in a fresh context. */
async function mount(url) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    // Before any of the page's scripts run, so the moment the heading is inserted is seen.
    new MutationObserver((_, observer) => {
      const heading = document.querySelector('h1');
      if (heading && heading.textContent === 'We got lucky') {
        window.benchMountedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  await page.goto(url);
  await page.waitForFunction(() => window.benchMountedAt !== undefined);
  const times = await page.evaluate(() => ({
    mounted: window.benchMountedAt,
    // The WebAssembly's size and when its last byte arrived: streaming compilation overlaps the download, so
    // what follows is the rest of the compile, instantiating and the app's own start.
    ...(() => {
      const wasm = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm'));
      return { wasm: wasm?.responseEnd ?? 0, wasmBytes: wasm?.encodedBodySize ?? 0 };
    })(),
  }));
  await context.close();
  return times;
}

// One load of each first, not counted: it warms what the first timed load would otherwise pay for alone (the
// server's file reads, the browser's process start).
await mount(`http://127.0.0.1:${port}/`);
await mount(`http://127.0.0.1:${port + 1}/`);
const appLoads = [];
const minimalLoads = [];
for (let load = 0; load < LOADS; load++) {
  appLoads.push(await mount(`http://127.0.0.1:${port}/`));
  minimalLoads.push(await mount(`http://127.0.0.1:${port + 1}/`));
}
const app = appLoads.map((times) => times.mounted);
const minimal = minimalLoads.map((times) => times.mounted);
const wasm = (loads) => `${median(loads.map((times) => times.wasm)).toFixed(0)} ms (${(loads[0].wasmBytes / 1000).toFixed(1)} KB)`;
const afterWasm = (loads) => `${median(loads.map((times) => times.mounted - times.wasm)).toFixed(0)} ms`;
const ratio = median(app) / median(minimal);
const list = (values) => values.map((ms) => ms.toFixed(0)).join(', ');
console.log(`\nmount benchmark (headless Chromium, CPU slowed ${CPU_RATE}x, loopback server, ${LOADS} fresh contexts each:`);
console.log('  no cache, no service worker; time from navigation start until the h1 "We got lucky" is in the DOM)');
console.log(`  gotlucky, median         ${median(app).toFixed(1)} ms  (${list(app)})`);
console.log(`  minimal Leptos, median   ${median(minimal).toFixed(1)} ms  (${list(minimal)})`);
console.log(`  ratio                    ${ratio.toFixed(2)}x (target at most 1.3x)`);
console.log(`  WebAssembly's last byte, median: gotlucky ${wasm(appLoads)}, minimal ${wasm(minimalLoads)}`);
console.log(`  from there to the heading, median: gotlucky ${afterWasm(appLoads)}, minimal ${afterWasm(minimalLoads)}`);
await browser.close();
for (const server of servers) server.close();
