// The quality of what a review says and where it goes: writing hints under observations, moments and actions
// (dismissed per item, turned off per browser, announced once), names replaced by roles in every export, the
// drill card on its own, and a copy that keeps its formatting for Confluence, Google Docs or Notion.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ExportPage } from './pages/export';
import { HomePage } from './pages/home';
import { ReviewPage } from './pages/review';

const NORMALISED = 'What unsafe behaviour have we been normalising?';
const BLAMING = 'Sam forgot to renew the certificate';
const NEUTRAL = 'Certificates expire without a reminder';
const BLAME_WHY = 'Naming the person who slipped points at them';
const NAMES = ['Kim', 'Sam', 'Amanda', 'Priya'];

/** A review whose scene names a facilitator and participants, with an observation on the first question. */
async function reviewWithPeople(page: Page, title = 'Certificate expiry') {
  const home = new HomePage(page);
  await home.open();
  await home.startReview(title);
  const review = new ReviewPage(page);
  await review.field('Facilitator').fill('Kim');
  await review.field('Participants (names or roles)').fill('Sam (on-call engineer), Amanda');
  await page.getByRole('textbox', { name: 'New “we got lucky” moment' }).fill('We were lucky that Amanda was online');
  await page.getByRole('button', { name: 'Add moment' }).click();
  await review.next();
  return review;
}

const notes = (page: Page, text: string) =>
  new ReviewPage(page).question(NORMALISED).observation(text).getByRole('note');

test('a hint appears under a blaming observation and not under a neutral one, and can be dismissed', async ({ page }) => {
  const review = await reviewWithPeople(page);
  const question = review.question(NORMALISED);
  await question.add(BLAMING);
  await question.add(NEUTRAL);

  const blaming = question.observation(BLAMING);
  await expect(notes(page, BLAMING)).toHaveCount(1);
  await expect(notes(page, BLAMING)).toContainText(BLAME_WHY);
  await expect(notes(page, BLAMING)).toContainText('What made it hard to notice or to do at the time?');
  await expect(notes(page, NEUTRAL)).toHaveCount(0);
  // Announced once to screen readers, when it first appeared.
  const region = blaming.locator('[aria-live="polite"]');
  await expect(region).toHaveText(new RegExp(`^Hint: ${BLAME_WHY}`));
  await expect(question.observation(NEUTRAL).locator('[aria-live="polite"]')).toHaveText('');

  // Typing on keeps the hint without announcing it again. (While it is edited, the item's text is in a field,
  // so the item is found by its hint.)
  await blaming.getByRole('button', { name: 'Edit' }).click();
  const edited = question.observations().filter({ has: page.getByRole('textbox', { name: 'Edit observation' }) });
  const edit = edited.getByRole('textbox', { name: 'Edit observation' });
  await edit.press('End');
  await edit.pressSequentially(' again');
  await expect(edited.getByRole('note')).toHaveCount(1);
  await expect(edited.locator('[aria-live="polite"]')).toHaveText(new RegExp(`^Hint: ${BLAME_WHY}`));
  await edit.press('Enter');

  await blaming.getByRole('button', { name: 'Dismiss hint' }).click();
  await expect(notes(page, BLAMING)).toHaveCount(0);
  await expect(blaming.getByText('Hint dismissed for this item.')).toBeVisible();
  await expect(blaming.getByRole('button', { name: 'Undo' })).toBeFocused();
  await blaming.getByRole('button', { name: 'Undo' }).click();
  await expect(notes(page, BLAMING)).toHaveCount(1);
  await blaming.getByRole('button', { name: 'Dismiss hint' }).click();
  await expect(notes(page, BLAMING)).toHaveCount(0);

  // The dismissal is kept with the review; the hint is still there for other items.
  await page.reload();
  await review.expectStep('How have we been decreasing our luck?');
  await expect(question.observation(BLAMING)).toBeVisible();
  await expect(notes(page, BLAMING)).toHaveCount(0);
  await question.add('Amanda should have checked the expiry date');
  await expect(notes(page, 'Amanda should have checked')).toHaveCount(2);
});

test('actions get hints for vague words and a missing owner or date, and all hints can be turned off', async ({ page }) => {
  const review = await reviewWithPeople(page, 'Hints off');
  await review.openStep('Actions', 'Actions');
  await page.getByRole('textbox', { name: 'New action' }).fill('Look into the certificate expiry');
  await page.getByRole('button', { name: 'Add action' }).click();
  const action = page.getByRole('list', { name: 'Actions' }).getByRole('listitem').first();
  await expect(action.getByRole('note')).toHaveCount(3);
  await expect(action.getByRole('note').first()).toContainText('“Look into”');
  await action.getByRole('textbox', { name: 'Owner' }).fill('Sam');
  await action.getByLabel('Due date').fill('2026-12-24');
  await expect(action.getByRole('note')).toHaveCount(1);

  await action.getByRole('button', { name: 'Turn all hints off' }).click();
  await expect(action.getByRole('note')).toHaveCount(0);
  await expect(action.getByRole('button', { name: 'Turn hints back on' })).toBeFocused();
  const setting = page.getByRole('checkbox', { name: /^Show writing hints/ });
  await expect(setting).not.toBeChecked();

  // Remembered in this browser, for every review.
  await page.reload();
  await review.expectStep('Actions');
  await expect(action.getByRole('note')).toHaveCount(0);
  await review.openStep('Decreasing luck', 'How have we been decreasing our luck?');
  await review.question(NORMALISED).add(BLAMING);
  await expect(notes(page, BLAMING)).toHaveCount(0);
  await review.openStep('Actions', 'Actions');
  await setting.check();
  await expect(action.getByRole('note')).toHaveCount(1);
});

test('a moment that no observation explains is flagged on the Review step', async ({ page }) => {
  const review = await reviewWithPeople(page, 'Luck');
  await review.openStep('Review', 'Review');
  const ledger = page.getByRole('list', { name: 'Luck ledger' });
  await expect(ledger.getByRole('note')).toContainText('A lucky moment with no observation behind it');
  await ledger.getByRole('button', { name: 'Dismiss hint' }).click();
  await expect(ledger.getByRole('note')).toHaveCount(0);
  await expect(ledger.getByRole('button', { name: 'Undo' })).toBeFocused();
});

test('the redacted export contains none of the participants’ names, and the review keeps them', async ({ page }) => {
  const review = await reviewWithPeople(page, 'Sam’s certificate');
  const question = review.question(NORMALISED);
  await question.add(BLAMING);
  await question.add('Priya from the vendor noticed first');
  await review.openStep('Actions', 'Actions');
  await page.getByRole('textbox', { name: 'New action' }).fill('Pair with Amanda on renewals');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByRole('list', { name: 'Actions' }).getByRole('textbox', { name: 'Owner' }).fill('Sam');
  await review.openStep('Trying our luck', 'How frequently do we try our luck?');
  await page.getByRole('textbox', { name: 'Game host' }).fill('Kim');

  await review.openExport();
  const exported = new ExportPage(page);
  expect(await exported.markdown()).toContain('Sam forgot');
  await exported.option('Replace names with roles').check();
  await exported.extraNames().fill('Priya');
  await expect(exported.mapping()).toHaveText(
    'Names replaced: Kim → Facilitator, Sam → on-call engineer, Amanda → Participant A, Priya → Participant B.',
  );
  const markdown = await exported.markdown();
  expect(markdown).toContain('on-call engineer forgot to renew the certificate');
  for (const name of NAMES) expect(markdown, name).not.toMatch(new RegExp(`\\b${name}\\b`, 'i'));

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .md' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-redacted\.md$/);
  expect(download.suggestedFilename()).not.toMatch(/sam/i);
  expect(readFileSync(await download.path(), 'utf8')).toBe(markdown);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('pre.print-only').textContent()).toBe(markdown);
  await expect(exported.mapping()).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // The drill card is redacted the same way.
  await exported.document('The drill card').check();
  const card = await exported.markdown();
  expect(card).toMatch(/^# Drill plan: /);
  for (const name of NAMES) expect(card, name).not.toMatch(new RegExp(`\\b${name}\\b`, 'i'));

  // The review itself never changed.
  await page.getByRole('link', { name: 'Back to the review' }).click();
  await review.openStep('Decreasing luck', 'How have we been decreasing our luck?');
  await expect(question.observation(BLAMING)).toBeVisible();
});

test('the drill plan exports on its own as a drill card', async ({ page }) => {
  const review = await reviewWithPeople(page, 'Drill');
  await review.openStep('Trying our luck', 'How frequently do we try our luck?');
  await page.getByRole('textbox', { name: 'Failure scenario' }).fill('The certificate expires at peak traffic');
  await page.getByRole('textbox', { name: 'What success looks like' }).fill('Renewal alert pages within an hour');
  await page.getByRole('link', { name: 'Export the drill card' }).click();
  const exported = new ExportPage(page);
  const card = await exported.markdown();
  expect(card).toMatch(/^# Drill plan: Drill\n/);
  expect(card).toContain('| What success looks like | Renewal alert pages within an hour |');
  expect(card).toContain('- We were lucky that Amanda was online');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .md' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^drill-\d{4}-\d{2}-\d{2}-drill\.md$/);
  await exported.document('The whole review').check();
  expect(await exported.markdown()).toContain('- **What success looks like:** Renewal alert pages within an hour\n');
});

test('rich copy puts text/html and text/plain on the clipboard', async ({ context, page }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const review = await reviewWithPeople(page, 'Rich <paste> & *copy*');
  await review.question(NORMALISED).add(NEUTRAL);
  await review.openExport();
  const exported = new ExportPage(page);
  const markdown = await exported.markdown();
  await exported.richCopyButton().click();
  await expect(exported.status('Copied with its formatting')).toBeVisible();
  const clipboard = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const read = async (type: string) => (item.types.includes(type) ? (await item.getType(type)).text() : null);
    return { types: item.types, html: await read('text/html'), plain: await read('text/plain') };
  });
  expect(clipboard.types).toContain('text/html');
  expect(clipboard.html).toContain('<h1>Rich &lt;paste&gt; &amp; *copy*</h1>');
  expect(clipboard.html).toContain(`<li>${NEUTRAL}</li>`);
  expect(clipboard.plain).toBe(markdown);
});

test('where the browser refuses rich copies, it says so and copies the Markdown', async ({ context, page }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    // A browser without ClipboardItem, as some still are.
    delete (window as { ClipboardItem?: unknown }).ClipboardItem;
  });
  await reviewWithPeople(page, 'Plain only');
  await new ReviewPage(page).openExport();
  const exported = new ExportPage(page);
  const markdown = await exported.markdown();
  await exported.richCopyButton().click();
  await expect(exported.status(/^Copying with formatting failed: this browser does not copy formatted text\. The Markdown was copied instead/)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(markdown);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`no axe violations on the export screen with every option on, nor under hints (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const review = await reviewWithPeople(page, 'Accessible export');
    await review.question(NORMALISED).add(BLAMING);
    await expect(notes(page, BLAMING)).toHaveCount(1);
    const check = async (where: string) => {
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(summary, `axe violations on ${where}`).toEqual([]);
    };
    await check('a step with a hint');
    await review.openExport();
    const exported = new ExportPage(page);
    await exported.markdown();
    for (const label of ['Include unanswered questions', 'Start with front matter', 'Replace names with roles']) {
      await exported.option(label).check();
    }
    await exported.extraNames().fill('Priya');
    expect(await exported.markdown()).toMatch(/^---\ntitle: "Accessible export"\n/);
    await expect(exported.mapping()).toContainText('Names replaced:');
    await check('export with every option');
    await exported.document('The drill card').check();
    await check('export of the drill card');
  });
}
