// The export leaves the browser: copy (read back from the clipboard), download, print preview, and importing
// the downloaded file back, with hostile text all the way.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ExportPage } from './pages/export';
import { HomePage } from './pages/home';
import { ReviewPage } from './pages/review';

const NORMALISED = 'What unsafe behaviour have we been normalising?';
const HOSTILE = ['*not bold* | <script>alert(1)</script> &amp; [x](y)', '# not a heading\n    not code 🎉 עברית'];

async function hostileReview(page: Page) {
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Checkout outage | *hostile*');
  const review = new ReviewPage(page);
  await review.next();
  for (const text of HOSTILE) {
    await review.question(NORMALISED).answerField().fill(text);
    await review.question(NORMALISED).section().getByRole('button', { name: 'Add observation' }).click();
  }
  await review.openExport();
  return new ExportPage(page).markdown();
}

test('Copy puts the Markdown on the clipboard and says so only after it worked', async ({ context, page }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const markdown = await hostileReview(page);
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(markdown);
});

test('when the clipboard is refused, the Markdown is selected for the copy keys', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Denied', 'NotAllowedError'));
  });
  const markdown = await hostileReview(page);
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copying failed' })).toBeVisible();
  const selected = await page.getByRole('textbox', { name: 'Markdown' }).evaluate(
    (area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd),
  );
  expect(selected).toBe(markdown);
});

test('Download .md saves the Markdown under a safe name, and it imports back as a new draft', async ({ page }) => {
  const markdown = await hostileReview(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .md' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^checkout-outage-hostile-\d{4}-\d{2}-\d{2}\.md$/);
  const file = await download.path();
  expect(readFileSync(file, 'utf8')).toBe(markdown);

  const home = new HomePage(page);
  await home.open();
  await page.getByLabel('Import a Markdown review').setInputFiles(file);
  await expect(page.getByText('Found “Checkout outage | *hostile*”: 2 observations')).toBeVisible();
  await page.getByRole('button', { name: 'Import as a new draft' }).click();
  const review = new ReviewPage(page);
  await review.expectStep('Set the scene');
  await review.next();
  await expect(review.question(NORMALISED).observations().locator('.item-text')).toHaveText(HOSTILE);
  await home.open();
  await expect(home.draftTitles().filter({ hasText: 'Checkout outage | *hostile*' })).toHaveCount(2);
});

test('a file that is not a review is refused with the reason', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await page.getByLabel('Import a Markdown review').setInputFiles({ name: 'photo.md', mimeType: 'text/markdown', buffer: Buffer.from([0, 1, 2, 255, 0]) });
  await expect(page.getByText(/^Nothing was imported: /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import as a new draft' })).toBeHidden();
});

test('printing shows the review without buttons or navigation', async ({ page }) => {
  const markdown = await hostileReview(page);
  await page.emulateMedia({ media: 'print' });
  const buttons = await page.getByRole('button', { includeHidden: true }).all();
  expect(buttons.length).toBeGreaterThan(0);
  for (const button of buttons) await expect(button).toBeHidden();
  for (const nav of await page.getByRole('navigation').all()) await expect(nav).toBeHidden();
  await expect(page.locator('pre.print-only')).toBeVisible();
  expect(await page.locator('pre.print-only').textContent()).toBe(markdown);
});
