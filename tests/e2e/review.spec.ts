// A facilitator starts a review, records what the room said, reloads, and exports it.
import { expect, test } from '@playwright/test';
import { ExportPage } from './pages/export';
import { HomePage } from './pages/home';
import { QuestionPage } from './pages/question';

const NORMALISED = 'What unsafe behaviour have we been normalising?';

test('observations survive a reload and appear in the export', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Checkout outage');

  const question = new QuestionPage(page, NORMALISED);
  await question.expectShown();
  await question.addObservation('We deploy on Fridays without anyone on call');
  await question.addObservation('Only Amanda knows the *billing* system');
  await expect(question.observations()).toHaveText([
    'We deploy on Fridays without anyone on call',
    'Only Amanda knows the *billing* system',
  ]);
  await expect(page.getByRole('status')).toHaveText('Saved');

  await page.reload();
  await question.expectShown();
  await expect(question.observations()).toHaveText([
    'We deploy on Fridays without anyone on call',
    'Only Amanda knows the *billing* system',
  ]);

  await question.openExport();
  const markdown = await new ExportPage(page).markdown();
  expect(markdown).toContain('# Checkout outage\n');
  expect(markdown).toContain(`## ${NORMALISED}\n`);
  expect(markdown).toContain('- We deploy on Fridays without anyone on call\n');
  expect(markdown).toContain('- Only Amanda knows the \\*billing\\* system\n');
});

test('the draft is listed on the home screen after a reload', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Disk full on db-2');
  await new QuestionPage(page, NORMALISED).expectShown();
  await home.open();
  await page.reload();
  await expect(home.draftLink('Disk full on db-2')).toBeVisible();
});

test('Enter adds an observation from the keyboard', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Keyboard only');
  const question = new QuestionPage(page, NORMALISED);
  await question.answerField().fill('Alerts go to an unread channel');
  await question.answerField().press('Enter');
  await expect(question.observations()).toHaveText(['Alerts go to an unread channel']);
  await expect(question.answerField()).toHaveValue('');
});
