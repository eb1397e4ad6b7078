// A facilitator starts a review, records what the room said, reloads, and exports it.
import { expect, test } from '@playwright/test';
import { ExportPage } from './pages/export';
import { HomePage } from './pages/home';
import { ReviewPage } from './pages/review';

const NORMALISED = 'What unsafe behaviour have we been normalising?';
const DECREASING = 'How have we been decreasing our luck?';

test('observations survive a reload and appear in the export', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Checkout outage');

  const review = new ReviewPage(page);
  await review.next();
  await review.expectStep(DECREASING);
  const question = review.question(NORMALISED);
  await question.add('We deploy on Fridays without anyone on call');
  await question.add('Only Amanda knows the *billing* system');
  const expected = ['We deploy on Fridays without anyone on call', 'Only Amanda knows the *billing* system'];
  await expect(question.observations().locator('.item-text')).toHaveText(expected);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  await page.reload();
  await review.expectStep(DECREASING);
  await expect(question.observations().locator('.item-text')).toHaveText(expected);

  await review.openExport();
  const markdown = await new ExportPage(page).markdown();
  expect(markdown).toContain('# Checkout outage\n');
  expect(markdown).toContain(`### ${NORMALISED}\n`);
  expect(markdown).toContain('- We deploy on Fridays without anyone on call\n');
  expect(markdown).toContain('- Only Amanda knows the \\*billing\\* system\n');
});

test('the draft is listed on the home screen after a reload', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Disk full on db-2');
  await home.open();
  await page.reload();
  await expect(home.draft('Disk full on db-2')).toBeVisible();
});

test('Enter adds an observation from the keyboard, Shift+Enter starts a new line', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Keyboard only');
  const review = new ReviewPage(page);
  await review.next();
  const question = review.question(NORMALISED);
  await question.answerField().fill('Alerts go to');
  await question.answerField().press('Shift+Enter');
  await question.answerField().pressSequentially('an unread channel');
  await question.answerField().press('Enter');
  await expect(question.observations().locator('.item-text')).toHaveText(['Alerts go to\nan unread channel']);
  await expect(question.answerField()).toHaveValue('');
});
