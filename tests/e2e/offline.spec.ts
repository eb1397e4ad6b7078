// Offline-first: after one visit the app loads and works with no network; a new deployment is offered, never
// forced; no Content-Security-Policy violation and no request to another host; and Chromium finds it
// installable.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { ExportPage } from './pages/export';
import { HomePage } from './pages/home';
import { ReviewPage } from './pages/review';

const NORMALISED = 'What unsafe behaviour have we been normalising?';

/** Waits until the service worker has cached the app and controls the page. */
async function serviceWorkerReady(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** A copy of the release build served on its own port, so a test can stop it or deploy over it. */
async function ownServer(port: number, subPath = ''): Promise<{ root: string; server: ChildProcess; url: string }> {
  const root = mkdtempSync(join(tmpdir(), 'gotlucky-site-'));
  cpSync('dist', join(root, subPath), { recursive: true });
  const server = spawn('node', ['tests/e2e/serve.mjs', root, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ready, failed) => {
    server.stdout!.on('data', (data) => String(data).includes('serving') && ready());
    server.on('exit', (code) => failed(new Error(`the test server exited (${code})`)));
  });
  return { root, server, url: `http://127.0.0.1:${port}/${subPath}` };
}

function stop(server: ChildProcess) {
  server.kill();
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
    stop(site.server);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'We got lucky' })).toBeVisible();
    await useTheAppOffline(page);
  } finally {
    stop(site.server);
    rmSync(site.root, { recursive: true, force: true });
  }
});

test('the same build works under a sub-path, offline too', async ({ page }) => {
  const site = await ownServer(4193, 'team/gotlucky/');
  try {
    await page.goto(site.url);
    await serviceWorkerReady(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${site.url}sw.js`);
    stop(site.server);
    await page.reload();
    await useTheAppOffline(page);
    expect(page.url()).toContain('/team/gotlucky/');
  } finally {
    stop(site.server);
    rmSync(site.root, { recursive: true, force: true });
  }
});

test('a new deployment is offered with a Reload button and the draft typed before survives it', async ({ page }) => {
  const site = await ownServer(4192);
  try {
    await page.goto(site.url);
    await serviceWorkerReady(page);
    const buildA = await page.locator('meta[name="gotlucky-build"]').getAttribute('content');
    const home = new HomePage(page);
    await home.startReview('Typed under version A');
    const review = new ReviewPage(page);
    await review.field('What happened').fill('the draft from version A');

    // Deploy version B: a new build id in the page and the service worker, as a rebuild gives.
    const buildB = 'b0000000deadbeef';
    for (const file of ['index.html', 'sw.js']) {
      const path = join(site.root, file);
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll(buildA!, buildB));
    }
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    const banner = page.getByRole('status').filter({ hasText: 'A new version of gotlucky is available' });
    await expect(banner).toBeVisible({ timeout: 15_000 });
    // Nothing reloads by itself: the field still holds what was typed.
    await expect(review.field('What happened')).toHaveValue('the draft from version A');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name="gotlucky-build"]')).toHaveAttribute('content', buildB);
    await expect(review.field('What happened')).toHaveValue('the draft from version A');
  } finally {
    stop(site.server);
    rmSync(site.root, { recursive: true, force: true });
  }
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
  const manifest = JSON.parse(readFileSync('dist/manifest.webmanifest', 'utf8'));
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
