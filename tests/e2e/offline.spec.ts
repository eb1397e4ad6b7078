// Offline-first: after one visit the app loads and works with no network; a new deployment (a second real
// build, deployed over the first) is offered, never forced, in every open tab, and still starts offline on a host
// that sends max-age; no Content-Security-Policy violation and no request to another host; and Chromium finds it
// installable.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { ExportPage } from './pages/export';
import { HomePage } from './pages/home';
import { ReviewPage } from './pages/review';

const NORMALISED = 'What unsafe behaviour have we been normalising?';
/** The release build under test, and a second, different release build to deploy over it. */
const DIST = process.env.GOTLUCKY_DIST ?? 'dist';
const DIST_NEXT = process.env.GOTLUCKY_DIST_NEXT ?? 'target/dist-next';

/** Waits until the service worker has cached the app and controls the page. */
async function serviceWorkerReady(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Serves `root` on `port`. With `maxAge`, the server sends `cache-control: max-age` on every file, index.html
 * included. */
async function startServer(root: string, port: number, maxAge?: number): Promise<ChildProcess> {
  const args = ['tests/e2e/serve.mjs', root, String(port), ...(maxAge === undefined ? [] : [`--max-age=${maxAge}`])];
  const server = spawn('node', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ready, failed) => {
    server.stdout!.on('data', (data) => String(data).includes('serving') && ready());
    server.on('exit', (code) => failed(new Error(`the test server exited (${code})`)));
  });
  return server;
}

/** A copy of the release build served on its own port, so a test can stop it, start it again or deploy over it. */
interface Site {
  root: string;
  url: string;
  stop(): void;
  start(): Promise<void>;
  /** Stops the server and deletes the copy. */
  remove(): void;
}

async function ownServer(port: number, subPath = '', { maxAge }: { maxAge?: number } = {}): Promise<Site> {
  const root = mkdtempSync(join(tmpdir(), 'gotlucky-site-'));
  cpSync(DIST, join(root, subPath), { recursive: true });
  let server = await startServer(root, port, maxAge);
  return {
    root,
    url: `http://127.0.0.1:${port}/${subPath}`,
    stop: () => server.kill(),
    start: async () => {
      server = await startServer(root, port, maxAge);
    },
    remove: () => {
      server.kill();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Uses the app from the page it is on (at whatever address the site is served). */
async function useTheAppOffline(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'We got lucky' })).toBeVisible();
  await new HomePage(page).startReview('Written on a train');
  const review = new ReviewPage(page);
  await review.next();
  await review.question(NORMALISED).add('No network, no problem');
  await page.reload();
  await expect(review.question(NORMALISED).observations().locator('.item-text')).toHaveText(['No network, no problem']);
  await review.openExport();
  expect(await new ExportPage(page).markdown()).toContain('- No network, no problem\n');
}

test('after one visit the app works offline: load, create, type, reload, export', async ({ context, page }) => {
  await page.goto('./');
  await serviceWorkerReady(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'We got lucky' })).toBeVisible();
  await useTheAppOffline(page);
});

test('after one visit the app works with the server stopped', async ({ page }) => {
  const site = await ownServer(4191);
  try {
    await page.goto(site.url);
    await serviceWorkerReady(page);
    site.stop();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'We got lucky' })).toBeVisible();
    await useTheAppOffline(page);
  } finally {
    site.remove();
  }
});

test('the same build works under a sub-path, offline too', async ({ page }) => {
  const site = await ownServer(4193, 'team/gotlucky/');
  try {
    await page.goto(site.url);
    await serviceWorkerReady(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${site.url}sw.js`);
    site.stop();
    await page.reload();
    await useTheAppOffline(page);
    expect(page.url()).toContain('/team/gotlucky/');
  } finally {
    site.remove();
  }
});

/** The build id the post-build hook wrote into a build's page. */
function buildOf(dist: string): string {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) throw new Error(`no build in ${dist}: cargo xtask test builds both (or set GOTLUCKY_DIST and GOTLUCKY_DIST_NEXT)`);
  const id = /<meta name="gotlucky-build" content="([0-9a-f]+)">/.exec(readFileSync(index, 'utf8'))?.[1];
  if (!id) throw new Error(`${dist}/index.html has no gotlucky-build meta tag`);
  return id;
}

/** Deploys a build the way a host does: the old files (and with them the old hashed assets) are gone. */
function deploy(root: string, dist: string) {
  for (const name of readdirSync(root)) rmSync(join(root, name), { recursive: true, force: true });
  cpSync(dist, root, { recursive: true });
}

/** Makes the browser look for a new service worker now, instead of at its next check. */
async function checkForUpdate(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
}

function updateBanner(page: Page) {
  const text = 'A new version of gotlucky is available. Your drafts are saved; reload when it suits you.';
  return page.getByRole('status').filter({ has: page.getByText(text, { exact: true }) });
}

const buildMeta = (page: Page) => page.locator('meta[name="gotlucky-build"]');

// Two real builds: `cargo xtask test` builds the app a second time with a build label, which gives another
// WebAssembly file, other hashed names and another build id.
test.describe('deploying a second real build', () => {
  let buildA: string;
  let buildB: string;
  test.beforeAll(() => {
    buildA = buildOf(DIST);
    buildB = buildOf(DIST_NEXT);
    expect(buildB, `${DIST_NEXT} must be another build than ${DIST}`).not.toBe(buildA);
    const wasm = (dist: string) => readdirSync(dist).filter((name) => name.endsWith('.wasm'));
    expect(wasm(DIST_NEXT)).not.toEqual(wasm(DIST));
  });

  test('on a host that sends max-age, the new deployment is offered with a Reload button, keeps the draft and then starts offline', async ({ page }) => {
    const site = await ownServer(4311, '', { maxAge: 3600 });
    try {
      await page.goto(site.url);
      await serviceWorkerReady(page);
      await expect(buildMeta(page)).toHaveAttribute('content', buildA);
      const review = new ReviewPage(page);
      await new HomePage(page).startReview('Typed under version A');
      await review.field('What happened').fill('the draft from version A');

      deploy(site.root, DIST_NEXT);
      await checkForUpdate(page);
      await expect(updateBanner(page)).toBeVisible({ timeout: 15_000 });
      // Nothing reloads by itself: the field still holds what was typed.
      await expect(review.field('What happened')).toHaveValue('the draft from version A');
      await updateBanner(page).getByRole('button', { name: 'Reload', exact: true }).click();
      await expect(buildMeta(page)).toHaveAttribute('content', buildB);
      await expect(page.locator('html')).toHaveAttribute('data-build-label', 'next');
      await expect(review.field('What happened')).toHaveValue('the draft from version A');

      // A plain visit (not a reload) gets version B too, although the browser's HTTP cache holds A's page.
      await page.goto(site.url);
      await expect(page.getByRole('heading', { level: 1, name: 'We got lucky' })).toBeVisible();
      await expect(buildMeta(page)).toHaveAttribute('content', buildB);

      site.stop();
      await page.reload();
      await expect(buildMeta(page)).toHaveAttribute('content', buildB);
      await useTheAppOffline(page);
    } finally {
      site.remove();
    }
  });

  test('on a host that sends max-age, a new version that takes over while offline starts, and the page is not taken from the HTTP cache', async ({ context, page }) => {
    const site = await ownServer(4315, '', { maxAge: 3600 });
    try {
      // The browser's HTTP cache now holds version A's page, fresh for an hour, at both addresses.
      await page.goto(`${site.url}index.html`);
      await serviceWorkerReady(page);
      await expect(buildMeta(page)).toHaveAttribute('content', buildA);
      await new HomePage(page).startReview('Typed under version A');

      deploy(site.root, DIST_NEXT);
      await checkForUpdate(page);
      await expect(updateBanner(page)).toBeVisible({ timeout: 15_000 });
      // The last tab closes, so version B's worker takes over; the next start is offline.
      await page.close();
      site.stop();
      const offline = await context.newPage();
      await offline.goto(site.url);
      await expect(offline.getByRole('heading', { level: 1, name: 'We got lucky' })).toBeVisible();
      await expect(buildMeta(offline)).toHaveAttribute('content', buildB);
      await expect(new HomePage(offline).draft('Typed under version A')).toBeVisible();
      await useTheAppOffline(offline);

      // Back online, the address the HTTP cache still holds version A's page for gets version B's.
      await site.start();
      await offline.goto(`${site.url}index.html`);
      await expect(offline.getByRole('heading', { level: 1, name: 'We got lucky' })).toBeVisible();
      await expect(buildMeta(offline)).toHaveAttribute('content', buildB);
    } finally {
      site.remove();
    }
  });

  test('Reload in a second tab works after the first tab already switched to the new version', async ({ context, page }) => {
    const site = await ownServer(4312);
    try {
      await page.goto(site.url);
      await serviceWorkerReady(page);
      const second = await context.newPage();
      await second.goto(site.url);
      await serviceWorkerReady(second);
      await new HomePage(second).startReview('Typed in the second tab');
      const review = new ReviewPage(second);
      await review.field('What happened').fill('the draft of the second tab');

      deploy(site.root, DIST_NEXT);
      await checkForUpdate(page);
      for (const tab of [page, second]) await expect(updateBanner(tab)).toBeVisible({ timeout: 15_000 });

      await updateBanner(page).getByRole('button', { name: 'Reload', exact: true }).click();
      await expect(buildMeta(page)).toHaveAttribute('content', buildB);
      // The second tab still runs version A, now under version B's worker; its Reload has no waiting worker to ask.
      await expect(buildMeta(second)).toHaveAttribute('content', buildA);
      await expect(review.field('What happened')).toHaveValue('the draft of the second tab');
      await updateBanner(second).getByRole('button', { name: 'Reload', exact: true }).click();
      await expect(buildMeta(second)).toHaveAttribute('content', buildB);
      await expect(review.field('What happened')).toHaveValue('the draft of the second tab');
      await expect(updateBanner(second)).toBeHidden();
    } finally {
      site.remove();
    }
  });

  test('a newer page seen before updating is not stored with the older assets: the app still starts offline', async ({ page }) => {
    const site = await ownServer(4313);
    try {
      await page.goto(site.url);
      await serviceWorkerReady(page);
      deploy(site.root, DIST_NEXT);
      // The reload shows version B's page, still under version A's worker, which must not keep it.
      await page.reload();
      await expect(buildMeta(page)).toHaveAttribute('content', buildB);
      await checkForUpdate(page);
      await expect(updateBanner(page)).toBeVisible({ timeout: 15_000 });

      site.stop();
      await page.reload();
      await expect(buildMeta(page)).toHaveAttribute('content', buildA);
      await useTheAppOffline(page);
    } finally {
      site.remove();
    }
  });

  test('a deployment caught half done (new worker, old page) is not installed, and offline start keeps working', async ({ page }) => {
    const site = await ownServer(4314);
    try {
      await page.goto(site.url);
      await serviceWorkerReady(page);
      // The host has the new worker and assets but still the old page.
      const oldPage = readFileSync(join(site.root, 'index.html'));
      deploy(site.root, DIST_NEXT);
      writeFileSync(join(site.root, 'index.html'), oldPage);
      const installed = await page.evaluate(async () => {
        const registration = (await navigator.serviceWorker.getRegistration())!;
        const outcome = new Promise<string>((done) =>
          registration.addEventListener('updatefound', () => {
            const worker = registration.installing!;
            const settled = () => (worker.state === 'installed' || worker.state === 'redundant') && done(worker.state);
            worker.addEventListener('statechange', settled);
            settled();
          }),
        );
        await registration.update();
        return outcome;
      });
      expect(installed).toBe('redundant');
      await expect(updateBanner(page)).toBeHidden();

      site.stop();
      await page.reload();
      await expect(buildMeta(page)).toHaveAttribute('content', buildA);
      await useTheAppOffline(page);
    } finally {
      site.remove();
    }
  });
});

test('no screen breaks the Content-Security-Policy and no request leaves the site', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const outside: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin) outside.push(request.url());
  });
  await page.addInitScript(() => {
    (window as any).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as any).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const home = new HomePage(page);
  await home.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain("'unsafe-eval'");

  await home.startReview('Policy check');
  const review = new ReviewPage(page);
  for (const label of ['Set the scene', 'Decreasing luck', 'Increasing luck', 'Trying our luck', 'Incentives', 'Actions', 'Review']) {
    await review.stepLink(label).click();
    await expect(review.stepLink(label)).toHaveAttribute('aria-current', 'step');
  }
  await review.openExport();
  await new ExportPage(page).markdown();
  await home.open();
  expect(await page.evaluate(() => (window as any).cspViolations)).toEqual([]);
  expect(outside).toEqual([]);
});

test('the manifest is valid and Chromium finds the app installable', async ({ baseURL }) => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  expect(manifest).toMatchObject({ short_name: 'We got lucky', display: 'standalone', start_url: './', scope: './' });
  expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes).sort()).toEqual(['192x192', '512x512']);

  // Installability is only judged in a normal (not incognito) profile.
  const profile = mkdtempSync(join(tmpdir(), 'gotlucky-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    await page.goto(baseURL!);
    await serviceWorkerReady(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
