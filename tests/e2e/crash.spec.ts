// A tab that crashes loses at most the last quarter second of typing. The renderer is crashed through the
// DevTools Protocol (`Page.crash`), which ends the page without pagehide or beforeunload: only what was already
// in localStorage survives.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { crash } from './pages/crash';
import { HomePage } from './pages/home';
import { ReviewPage } from './pages/review';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('continuous typing, then a crash: everything typed up to 250 ms before the crash is kept', async ({
  context,
  page,
}) => {
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Crash while typing');
  const review = new ReviewPage(page);
  const field = review.field('What happened');
  await field.click();
  const url = page.url();

  // A key every 20 ms for two seconds; each key's time is taken once the browser has handled it.
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  const typedAt: number[] = [];
  const started = Date.now();
  let typed = '';
  while (Date.now() - started < 2000) {
    const key = alphabet[typed.length % alphabet.length];
    await page.keyboard.press(key);
    typed += key;
    typedAt.push(Date.now());
    await sleep(20);
  }
  const crashedAt = await crash(context, page);

  const reopened = await context.newPage();
  await reopened.goto(url);
  const kept = await new ReviewPage(reopened).field('What happened').inputValue();
  const mustKeep = typedAt.filter((time) => time <= crashedAt - 250).length;
  expect(typed.length).toBeGreaterThan(40);
  expect(typed.startsWith(kept), 'what was kept is what was typed, in order').toBe(true);
  expect(kept.length, `kept ${kept.length} of ${typed.length} characters`).toBeGreaterThanOrEqual(mustKeep);
});

test('a crash right after adding an observation keeps it, and the review reopens whole', async ({ context, page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Crash after adding');
  const review = new ReviewPage(page);
  await review.next();
  const question = review.question('What unsafe behaviour have we been normalising?');
  await question.add('kept through a crash');
  await expect(question.observations()).toHaveCount(1);
  const url = page.url();
  await crash(context, page);

  const reopened = await context.newPage();
  await reopened.goto(url);
  const again = new ReviewPage(reopened).question('What unsafe behaviour have we been normalising?');
  await expect(again.observations().locator('.item-text')).toHaveText(['kept through a crash']);
  await expect(reopened.getByRole('alert').filter({ hasText: 'could not be opened' })).toHaveCount(0);
});

test('a panic in the app shows the crash screen, which reloads and downloads everything stored', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Kept through a panic');
  await new ReviewPage(page).field('What happened').fill('typed before the panic');
  await page.waitForFunction(() => Object.values(localStorage).some((value) => value.includes('typed before the panic')));

  await page.goto('./?gotlucky-test-panic#/');
  const screen = page.getByRole('alert');
  await expect(screen.getByRole('heading', { level: 1, name: 'gotlucky stopped working' })).toBeVisible();
  await expect(screen).toContainText('Your drafts are saved in this browser up to the last few seconds');
  await expect(screen.getByRole('button', { name: 'Reload' })).toBeFocused();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    screen.getByRole('button', { name: 'Download everything' }).click(),
  ]);
  const path = await download.path();
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  const stored = Object.values(saved.entries).join('\n');
  expect(stored).toContain('Kept through a panic');
  expect(stored).toContain('typed before the panic');

  await page.goto('./#/');
  await screen.getByRole('button', { name: 'Reload' }).waitFor({ state: 'detached' });
  await expect(home.draft('Kept through a panic')).toBeVisible();
});

test('a trap the panic hook never sees still shows the crash screen', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await page.evaluate(() => {
    setTimeout(() => {
      throw new WebAssembly.RuntimeError('unreachable executed');
    });
  });
  await expect(page.getByRole('heading', { level: 1, name: 'gotlucky stopped working' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('unreachable executed');
});

test('an ordinary script error elsewhere does not replace the app', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await page.evaluate(() => {
    setTimeout(() => {
      throw new TypeError('not ours');
    });
  });
  await page.getByRole('textbox', { name: 'Review title' }).fill('still here');
  await expect(page.getByRole('heading', { level: 1, name: 'We got lucky' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'gotlucky stopped working' })).toHaveCount(0);
});
