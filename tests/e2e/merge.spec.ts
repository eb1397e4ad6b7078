// Merging everyone's reflections into the meeting's review, and the meeting plan that asks for them.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { HomePage } from './pages/home';
import { ReviewPage } from './pages/review';

const NORMALISED = 'What unsafe behaviour have we been normalising?';
const OWNERSHIP = 'How can we improve collective understanding and ownership?';

/** A reflection as gotlucky exports it, written by `name`. */
function reflection(name: string, observations: Record<string, string[]>) {
  const sections = Object.entries(observations)
    .map(([question, items]) => `### ${question}\n\n${items.map((item) => `- ${item}`).join('\n')}\n`)
    .join('\n');
  return `# Checkout outage\n\n| Detail | Value |\n|---|---|\n| Written by | ${name} |\n| Mode | personal reflection |\n\nThis is a personal reflection, written alone.\n\n## How have we been decreasing our luck?\n\n${sections}\n---\n\nQuestions quoted from “We got lucky” by Benji Weber. Review written with gotlucky.\n`;
}

const file = (name: string, text: string) => ({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });

async function meetingWithOneObservation(page: Page) {
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Checkout outage');
  const review = new ReviewPage(page);
  await review.next();
  await review.question(NORMALISED).add('Config pushes skip review');
  return review;
}

test('merging three reflection files: duplicates skipped, a bad file refused, one undo takes it all back', async ({ page }) => {
  const review = await meetingWithOneObservation(page);
  await page.getByText('Add reflections…').click();
  await page.getByLabel('Reflection files').setInputFiles([
    file('sam.md', reflection('Sam', { [NORMALISED]: ['Friday deploys without anyone on call', 'config pushes skip review'] })),
    file('liz.md', reflection('Liz', { [OWNERSHIP]: ['Only Amanda knows the gateway'] })),
    file('holiday.jpg', 'not a review at all'),
  ]);
  const preview = page.getByRole('region', { name: 'What the merge adds' });
  await expect(preview).toContainText('Sam’s reflection: 1 observation; 1 duplicate skipped');
  await expect(preview).toContainText('Liz’s reflection: 1 observation');
  await expect(preview).toContainText('holiday.jpg: refused, because');
  // Nothing is written before the facilitator confirms.
  await expect(review.question(NORMALISED).observations()).toHaveCount(1);

  const results = await new AxeBuilder({ page }).include('.merge').analyze();
  expect(results.violations.map((v) => v.id), 'axe on the merge preview').toEqual([]);

  await preview.getByRole('button', { name: 'Merge into this review' }).click();
  await expect(review.question(NORMALISED).observations().locator('.item-text')).toHaveText([
    'Config pushes skip review',
    'Friday deploys without anyone on call',
  ]);
  await expect(review.question(OWNERSHIP).observations().locator('.item-text')).toHaveText(['Only Amanda knows the gateway']);

  // Where a merged observation came from is shown quietly, and credited in the export only when asked.
  await expect(review.question(NORMALISED).observation('Friday deploys without anyone on call')).toContainText('from: Sam’s reflection');
  await expect(review.question(NORMALISED).observation('Config pushes skip review')).not.toContainText('from:');
  await review.openExport();
  const markdown = page.getByRole('textbox', { name: 'Markdown' });
  await expect(markdown).not.toHaveValue(/from: Sam/);
  await page.getByRole('checkbox', { name: /Credit contributors/ }).check();
  await expect(markdown).toHaveValue(/Friday deploys without anyone on call \*\(from: Sam’s reflection\)\*/);
  // The meeting's time plan is saved with the review, and reaches the Markdown only when asked.
  await expect(markdown).not.toHaveValue(/## Meeting plan/);
  await page.getByRole('checkbox', { name: 'Include the meeting’s time plan' }).check();
  await expect(markdown).toHaveValue(/## Meeting plan\n\n\| Step \| Minutes \| Starts \|/);
  await page.goBack();
  await review.expectStep('How have we been decreasing our luck?');

  // Merging the same file again adds nothing.
  await page.getByLabel('Reflection files').setInputFiles([
    file('sam.md', reflection('Sam', { [NORMALISED]: ['Friday deploys without anyone on call'] })),
  ]);
  await expect(preview).toContainText('nothing new');
  await expect(preview.getByRole('button', { name: 'Merge into this review' })).toBeDisabled();
  await preview.getByRole('button', { name: 'Cancel' }).click();

  // One Undo restores the review as it was before the merge, also after a reload.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(review.question(NORMALISED).observations().locator('.item-text')).toHaveText(['Config pushes skip review']);
  await expect(review.question(OWNERSHIP).observations()).toHaveCount(0);
  await page.reload();
  await expect(review.question(NORMALISED).observations().locator('.item-text')).toHaveText(['Config pushes skip review']);
});

test('the meeting plan lists the agenda, downloads, and becomes a reflection when imported', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Checkout outage');
  await page.getByRole('link', { name: 'Meeting plan to send before the meeting' }).click();
  const plan = page.getByRole('textbox', { name: 'Meeting plan' });
  await expect(plan).toHaveValue(/Checkout outage/);
  await expect(plan).toHaveValue(new RegExp(NORMALISED.replace('?', '\\?')));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .md' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain('reflect');

  await home.open();
  await page.getByLabel('Import a Markdown review').setInputFiles(file(download.suggestedFilename(), text));
  await expect(page.getByRole('status').filter({ hasText: 'meeting plan for “Checkout outage”' })).toBeVisible();
  await page.getByRole('button', { name: 'Import as a new draft' }).click();
  await expect(page.getByRole('radio', { name: 'Self-reflection, on my own' })).toBeChecked();
});
