// Accessibility baseline: axe-core finds no violation on any screen, in light and dark mode, and the
// worksheet fits a 360-pixel-wide screen.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { HomePage } from './pages/home';
import { ReviewPage } from './pages/review';

const STEP_LABELS = ['Set the scene', 'Decreasing luck', 'Increasing luck', 'Trying our luck', 'Incentives', 'Actions', 'Review'];

async function expectNoViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

/** A review with something in every kind of list, so that axe sees filled screens too. */
async function filledReview(page: Page) {
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Accessible review');
  await page.getByRole('textbox', { name: 'New “we got lucky” moment' }).fill('We were lucky that Amanda was online');
  await page.getByRole('button', { name: 'Add moment' }).click();
  const review = new ReviewPage(page);
  await review.next();
  await review.question('What unsafe behaviour have we been normalising?').add('Only Amanda knows the gateway');
  return review;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no axe violations on any screen (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const review = await filledReview(page);
    for (const label of STEP_LABELS) {
      await review.stepLink(label).click();
      await expect(review.stepLink(label)).toHaveAttribute('aria-current', 'step');
      await expectNoViolations(page, `step ${label}`);
    }
    await review.openExport();
    await expectNoViolations(page, 'export');
    await new HomePage(page).open();
    await expectNoViolations(page, 'home');
  });
}

test('every step fits a 360-pixel-wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const review = await filledReview(page);
  for (const label of STEP_LABELS) {
    await review.stepLink(label).click();
    await expect(review.stepLink(label)).toHaveAttribute('aria-current', 'step');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `sideways overflow on ${label}`).toBeLessThanOrEqual(0);
  }
});
