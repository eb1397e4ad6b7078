// Accessibility, one test per check of the statement the app shows on its Accessibility page
// (src/core/accessibility.json): a check without a test here fails, so the statement cannot promise more than
// is tested.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { HomePage } from './pages/home';
import { ReviewPage } from './pages/review';

type Check = { id: string; what: string };
// Playwright runs from the repository root (see `cargo xtask test`).
const statement: { target: string; last_checked: string; checks: Check[] } = JSON.parse(
  readFileSync('src/core/accessibility.json', 'utf8'),
);

const STEP_LABELS = ['Set the scene', 'Decreasing luck', 'Increasing luck', 'Trying our luck', 'Incentives', 'Actions', 'Review'];
const NORMALISED = 'What unsafe behaviour have we been normalising?';

/** A review with something in every kind of list, so that the checks see filled screens too. */
async function filledReview(page: Page) {
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Accessible review');
  await page.getByRole('textbox', { name: 'New “we got lucky” moment' }).fill('We were lucky that Amanda was online');
  await page.getByRole('button', { name: 'Add moment' }).click();
  const review = new ReviewPage(page);
  await review.next();
  await review.question(NORMALISED).add('Only Amanda knows the gateway');
  return review;
}

/** Visits every screen of a filled review and runs `check` on each. */
async function everyScreen(page: Page, check: (where: string) => Promise<void>) {
  const review = await filledReview(page);
  const id = new URL(page.url()).hash.split('/')[2];
  for (const label of STEP_LABELS) {
    await review.stepLink(label).click();
    await expect(review.stepLink(label)).toHaveAttribute('aria-current', 'step');
    await check(`step ${label}`);
  }
  await review.openExport();
  await expect(page.getByRole('heading', { level: 1, name: 'Export Markdown' })).toBeVisible();
  await check('export');
  const screens: [string, string | RegExp][] = [
    [`#/review/${id}/plan`, 'Meeting plan'],
    // The presenter view shows where the facilitator last was: the Review step's ledger question.
    [`#/review/${id}/present`, /./],
    ['#/accessibility', 'Accessibility'],
    ['#/', 'We got lucky'],
  ];
  for (const [hash, heading] of screens) {
    await page.goto(`./${hash}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await check(hash);
  }
}

async function noAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

async function noSidewaysScrolling(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `sideways overflow on ${where}`).toBeLessThanOrEqual(0);
}

/** Presses Tab until `target` has focus, as a keyboard user would reach it; fails if it never does. */
async function tabTo(page: Page, target: Locator) {
  for (let press = 0; press < 400; press++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

const checks: Record<string, (page: Page) => Promise<void>> = {
  'axe-light': async (page) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await everyScreen(page, (where) => noAxeViolations(page, where));
  },
  'axe-dark': async (page) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await everyScreen(page, (where) => noAxeViolations(page, where));
  },
  'axe-forced-colours': async (page) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await everyScreen(page, (where) => noAxeViolations(page, where));
  },
  'reflow-320': async (page) => {
    await page.setViewportSize({ width: 320, height: 740 });
    await everyScreen(page, (where) => noSidewaysScrolling(page, where));
  },
  'zoom-400': async (page) => {
    await page.setViewportSize({ width: 320, height: 256 });
    await everyScreen(page, (where) => noSidewaysScrolling(page, where));
  },
  'reduced-motion': async (page) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await everyScreen(page, async (where) => {
      const moving = await page.evaluate(() =>
        [...document.querySelectorAll('*')].filter((element) => {
          const style = getComputedStyle(element);
          const seconds = (list: string) => Math.max(...list.split(',').map((value) => parseFloat(value) || 0));
          return (style.animationName !== 'none' && seconds(style.animationDuration) > 0) || seconds(style.transitionDuration) > 0;
        }).length,
      );
      expect(moving, `elements that move on ${where}`).toBe(0);
    });
  },
  'focus-kept': async (page) => {
    const review = await filledReview(page);
    const focusIsOnThePage = () => page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body);
    await review.next();
    await expect(review.stepLink('Increasing luck')).toHaveAttribute('aria-current', 'step');
    await expect(page.locator('h2#step-heading')).toBeFocused();
    await review.back();
    await review.question(NORMALISED).observation('Only Amanda knows the gateway').getByRole('button', { name: 'Delete', exact: true }).click();
    expect(await focusIsOnThePage(), 'focus after deleting').toBe(true);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await focusIsOnThePage(), 'focus after undoing').toBe(true);
    await review.question(NORMALISED).observation('Only Amanda knows the gateway').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await focusIsOnThePage(), 'focus after dismissing the notice').toBe(true);
  },
  'keyboard-review': async (page) => {
    const home = new HomePage(page);
    await home.open();
    await tabTo(page, page.getByRole('textbox', { name: 'Review title' }));
    await page.keyboard.type('Keyboard only');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Set the scene' })).toBeVisible();
    for (const label of STEP_LABELS.slice(1)) {
      await page.keyboard.press('Alt+PageDown');
      await expect(new ReviewPage(page).stepLink(label)).toHaveAttribute('aria-current', 'step');
      await expect(page.locator('h2#step-heading')).toBeFocused();
      if (label === 'Decreasing luck') {
        const review = new ReviewPage(page);
        await tabTo(page, review.question(NORMALISED).answerField());
        await page.keyboard.type('Typed without a mouse');
        await page.keyboard.press('Enter');
        await expect(review.question(NORMALISED).observations()).toHaveCount(1);
        await tabTo(page, page.getByText('Link to a moment or make an action'));
        await page.keyboard.press('Enter');
        await tabTo(page, page.getByRole('textbox', { name: 'New action from this observation' }));
        await page.keyboard.type('An action from the keyboard');
        await page.keyboard.press('Enter');
        await expect(page.getByRole('list', { name: 'Actions from this observation' })).toContainText('An action from the keyboard');
      }
    }
    await tabTo(page, page.getByRole('button', { name: 'Show earlier versions' }));
    await tabTo(page, page.getByRole('link', { name: 'Export Markdown' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Markdown' })).toHaveValue(/Typed without a mouse/);
    await tabTo(page, page.getByRole('button', { name: 'Download .md' }));
    await tabTo(page, page.getByRole('link', { name: 'Back to the review' }));
    await tabTo(page, page.getByRole('link', { name: 'We got lucky' }));
    await page.keyboard.press('Enter');
    await tabTo(page, home.draft('Keyboard only').getByRole('link', { name: 'Keyboard only' }));
    await tabTo(page, page.getByRole('button', { name: 'Download a backup' }));
    await tabTo(page, page.getByLabel('Import a backup file'));
  },
};

for (const check of statement.checks) {
  test(`${check.id}: ${check.what}`, async ({ page }) => {
    const run = checks[check.id];
    expect(run, `the statement promises "${check.id}" but no test checks it`).toBeDefined();
    await run(page);
  });
}

test('the Accessibility page, linked from every screen, shows the statement the tests check', async ({ page }) => {
  await new HomePage(page).open();
  await page.getByRole('link', { name: 'Accessibility' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(statement.target);
  await expect(page.getByRole('main')).toContainText(`Last checked: ${statement.last_checked}`);
  for (const check of statement.checks) await expect(page.getByRole('main')).toContainText(check.what);
});
