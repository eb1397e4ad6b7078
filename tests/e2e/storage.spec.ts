// Drafts are never lost: each fault below is driven in the real browser, against real localStorage, and the
// pass condition is always that nothing the user typed is lost.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { HomePage } from './pages/home';
import { ReviewPage } from './pages/review';

const NORMALISED = 'What unsafe behaviour have we been normalising?';
// Playwright runs from the repository root (see `cargo xtask test`).
const fixture = (name: string) => readFileSync(`src/core/tests/fixtures/${name}`, 'utf8');

async function startAndAnswer(page: Page, title: string) {
  const home = new HomePage(page);
  await home.open();
  await home.startReview(title);
  const review = new ReviewPage(page);
  await review.next();
  return { review, question: review.question(NORMALISED) };
}

/** Fills the origin's storage to the last few characters with keys that are not gotlucky's. */
async function fillStorage(page: Page) {
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 16; i++) {
      try {
        localStorage.setItem(`filler:${i}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
  });
}

/** Writes entries into localStorage, then reloads so the app reads them at start-up. */
async function seed(page: Page, entries: Record<string, string>) {
  await page.goto('./#/');
  await page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, entries);
  await page.reload();
}

test('1. reload 100 ms after the last keystroke keeps the text', async ({ page }) => {
  const { review } = await startAndAnswer(page, 'Fast reload');
  await review.back();
  await review.field('What happened').fill('typed just before the reload');
  // The reload comes a tenth of a second after the typing on purpose: sooner than a debounced save would run.
  await page.waitForTimeout(100);
  await page.reload();
  await expect(review.field('What happened')).toHaveValue('typed just before the reload');
});

test('2. closing the tab and opening it again keeps the text', async ({ context, page }) => {
  const { review } = await startAndAnswer(page, 'Closed tab');
  await review.back();
  await review.field('What happened').fill('typed before closing');
  const url = page.url();
  await page.close({ runBeforeUnload: true });
  const reopened = await context.newPage();
  await reopened.goto(url);
  await expect(new ReviewPage(reopened).field('What happened')).toHaveValue('typed before closing');
});

test('3. two tabs: edits show in the other tab, and concurrent edits are both kept', async ({ context, page }) => {
  const { question } = await startAndAnswer(page, 'Two tabs');
  await question.add('from the first tab');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  const second = await context.newPage();
  await second.goto(page.url());
  const secondQuestion = new ReviewPage(second).question(NORMALISED);
  await expect(secondQuestion.observations().locator('.item-text')).toHaveText(['from the first tab']);

  // An edit in one tab appears in the other without a reload.
  await question.add('added later in the first tab');
  await expect(secondQuestion.observations().locator('.item-text')).toHaveText([
    'from the first tab',
    'added later in the first tab',
  ]);

  // Both tabs change the same review before either saves: the second tab's clock is frozen, so its typing
  // is still waiting for the autosave when the first tab's save arrives.
  await second.clock.install();
  await second.reload();
  const secondReview = new ReviewPage(second);
  await secondReview.back();
  await second.clock.pauseAt(Date.now() + 60_000);
  await secondReview.field('What happened').fill('concurrent edit in the second tab');
  await question.add('concurrent edit in the first tab');
  const conflict = second.getByRole('alert').filter({ hasText: 'changed in another tab' });
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Keep both' }).click();
  await second.clock.runFor(1000);

  const home = new HomePage(second);
  await home.open();
  await expect(home.draft('Two tabs')).toBeVisible();
  await expect(home.draft('Two tabs (from another tab)')).toBeVisible();
  const stored = await second.evaluate(() => Object.keys(localStorage).map((key) => localStorage.getItem(key)).join('\n'));
  expect(stored).toContain('concurrent edit in the second tab');
  expect(stored).toContain('concurrent edit in the first tab');
});

test('3b. two reviews in conflict at once: each conflict is kept and resolved on its own', async ({ context, page }) => {
  const first = await startAndAnswer(page, 'Conflict one');
  const urlOne = page.url();
  await first.question.add('one, before');
  const second = await startAndAnswer(page, 'Conflict two');
  const urlTwo = page.url();
  await second.question.add('two, before');

  // The other tab types into both reviews while its clock is frozen, so neither edit is saved yet.
  const other = await context.newPage();
  await other.clock.install();
  await other.goto(urlOne.replace(/\/[a-z]+$/, '/scene'));
  await other.clock.pauseAt(Date.now() + 60_000);
  const otherReview = new ReviewPage(other);
  await otherReview.field('What happened').fill('edit in the other tab, review one');
  await other.evaluate((hash) => (location.hash = hash), new URL(urlTwo.replace(/\/[a-z]+$/, '/scene')).hash);
  await expect(otherReview.field('Review title')).toHaveValue('Conflict two');
  await otherReview.field('What happened').fill('edit in the other tab, review two');

  // This tab changes both reviews: the other tab now holds two conflicts.
  await second.question.add('two, after');
  await page.goto(urlOne);
  await first.question.add('one, after');
  const conflicts = other.getByRole('alert').filter({ hasText: 'changed in another tab' });
  await expect(conflicts).toHaveCount(2);
  await conflicts.filter({ hasText: 'Conflict one' }).getByRole('button', { name: 'Keep both' }).click();
  await expect(conflicts).toHaveCount(1);
  await conflicts.filter({ hasText: 'Conflict two' }).getByRole('button', { name: 'Use the other tab’s' }).click();
  await expect(conflicts).toHaveCount(0);
  await other.clock.runFor(1000);

  const stored = await other.evaluate(() => Object.keys(localStorage).map((key) => localStorage.getItem(key)).join('\n'));
  // Review one: both versions kept. Review two: this tab's version, the other tab's edit dropped as chosen.
  expect(stored).toContain('edit in the other tab, review one');
  expect(stored).toContain('one, after');
  expect(stored).toContain('two, after');
  expect(stored).not.toContain('edit in the other tab, review two');
  const home = new HomePage(other);
  await home.open();
  await expect(home.draft('Conflict one (from another tab)')).toBeVisible();
});

test('4. a full quota is reported, the draft keeps working, Export now downloads, and following the banner frees room', async ({ page }) => {
  // An old draft, long since deleted, still takes room in the trash: what the banner offers to give back.
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Big old draft');
  await new ReviewPage(page).field('Notes').fill('old notes '.repeat(150_000));
  await home.open();
  await home.draft('Big old draft').getByRole('button', { name: 'Delete' }).click();
  await home.draft('Big old draft').getByRole('button', { name: 'Yes, delete' }).click();
  const { review, question } = await startAndAnswer(page, 'Quota');
  await question.add('saved before the quota filled');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await fillStorage(page);
  await question.add('typed while storage is full');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
  const banner = page.getByRole('alert').filter({ hasText: 'storage for gotlucky is full' });
  await expect(banner).toBeVisible();
  await expect(question.observations().locator('.item-text')).toHaveText([
    'saved before the quota filled',
    'typed while storage is full',
  ]);

  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Export now' }).click()]);
  const backup = readFileSync(await download.path(), 'utf8');
  expect(backup).toContain('typed while storage is full');

  // The banner's own advice frees the room: no filler is removed by hand.
  await banner.getByRole('button', { name: /^Empty the trash \(\d+ KB\)$/ }).click();
  await review.back();
  await review.field('Review title').fill('Quota, resumed');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(banner).toBeHidden();
  await page.reload();
  await review.next();
  await expect(question.observations().locator('.item-text')).toHaveText([
    'saved before the quota filled',
    'typed while storage is full',
  ]);
});

test('5. with localStorage blocked the app runs from memory and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const { question } = await startAndAnswer(page, 'Blocked storage');
  await expect(page.getByRole('alert').filter({ hasText: 'kept in this tab only' })).toBeVisible();
  await question.add('kept in memory');
  await expect(question.observations().locator('.item-text')).toHaveText(['kept in memory']);
});

test('6. a damaged draft is kept aside and offered for download; the others load', async ({ page }) => {
  await seed(page, {
    'gotlucky:v1:review:mi1work01': fixture('schema-1-worksheet.json'),
    'gotlucky:v1:review:broken1': '{"schema":1,"data":{"id":"broken1","title":"half writ',
  });
  const home = new HomePage(page);
  await expect(home.draft('Payments near miss')).toBeVisible();
  const banner = page.getByRole('alert').filter({ hasText: 'could not be opened' });
  await expect(banner).toContainText('damaged');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Download it as text' }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toBe('{"schema":1,"data":{"id":"broken1","title":"half writ');
  expect(await page.evaluate(() => localStorage.getItem('gotlucky:v1:review:broken1'))).toContain('half writ');
});

test('7. older data loads through the migrations; newer data is refused and left as it was', async ({ page }) => {
  const newer = '{"schema":99,"saved_at":1,"app_version":"9.0.0","data":{"id":"future1","title":"From the future"}}';
  await seed(page, {
    'gotlucky:v1:review:mi0slice01': fixture('schema-1-slice.json'),
    'gotlucky:v1:review:future1': newer,
  });
  const home = new HomePage(page);
  await expect(home.draft('Checkout outage')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'newer version of gotlucky' })).toBeVisible();
  await home.draft('Checkout outage').getByRole('link').click();
  await new ReviewPage(page).next();
  await expect(new ReviewPage(page).question(NORMALISED).observations()).toHaveCount(2);
  expect(await page.evaluate(() => localStorage.getItem('gotlucky:v1:review:future1'))).toBe(newer);
});

test('8. a draft deleted by mistake is restored from the trash, even after a reload', async ({ page }) => {
  const { question } = await startAndAnswer(page, 'Deleted by mistake');
  await question.add('precious words');
  const home = new HomePage(page);
  await home.open();
  await home.draft('Deleted by mistake').getByRole('button', { name: 'Delete' }).click();
  await home.draft('Deleted by mistake').getByRole('button', { name: 'Yes, delete' }).click();
  await expect(home.draft('Deleted by mistake')).toHaveCount(0);
  await page.reload();
  const trash = page.getByRole('list', { name: 'Recently deleted' });
  await trash.getByRole('listitem').filter({ hasText: 'Deleted by mistake' }).getByRole('button', { name: 'Restore' }).click();
  await home.draft('Deleted by mistake').getByRole('link').click();
  await new ReviewPage(page).next();
  await expect(question.observations().locator('.item-text')).toHaveText(['precious words']);
});

test('a backup downloads and imports into another browser profile, reporting what it did', async ({ browser, page }) => {
  const { question } = await startAndAnswer(page, 'Backed up');
  await question.add('in the backup');
  const home = new HomePage(page);
  await home.open();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
  const file = await download.path();
  await expect(home.draft('Backed up')).toContainText('Last exported');

  const other = await browser.newContext();
  const fresh = await other.newPage();
  const freshHome = new HomePage(fresh);
  await freshHome.open();
  await fresh.getByLabel('Import a backup file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('# not json') });
  await expect(fresh.getByText('Nothing was imported: this is not a gotlucky backup file')).toBeVisible();
  await fresh.getByLabel('Import a backup file').setInputFiles(file);
  await expect(fresh.getByText('This file holds: 1 added, 0 updated, 0 skipped')).toBeVisible();
  await expect(freshHome.draft('Backed up')).toHaveCount(0);
  await fresh.getByRole('button', { name: 'Import these drafts' }).click();
  await expect(freshHome.draft('Backed up')).toBeVisible();
  await other.close();
});

test('an imported backup that storage refuses says so, stays in the tab, and is saved once space is freed', async ({ browser, page }) => {
  const { question } = await startAndAnswer(page, 'Imported while full');
  await question.add('words from the backup');
  await new HomePage(page).open();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
  const file = await download.path();

  const other = await browser.newContext();
  const fresh = await other.newPage();
  const freshHome = new HomePage(fresh);
  await freshHome.open();
  await fillStorage(fresh);
  await fresh.getByLabel('Import a backup file').setInputFiles(file);
  await fresh.getByRole('button', { name: 'Import these drafts' }).click();
  await expect(fresh.getByText('Imported into this tab, but 1 of the imported drafts could not be saved yet')).toBeVisible();
  await expect(fresh.getByText(/^Imported: /)).toHaveCount(0);
  await expect(freshHome.draft('Imported while full')).toBeVisible();

  await fresh.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler:')).forEach((k) => localStorage.removeItem(k)));
  // The autosave retries every few seconds until the browser takes it.
  await fresh.waitForFunction(() => Object.values(localStorage).some((value) => value.includes('words from the backup')), null, { timeout: 15_000 });
  await fresh.reload();
  await expect(freshHome.draft('Imported while full')).toBeVisible();
  await other.close();
});

test('earlier versions can be looked at and restored, and the restore can be undone', async ({ page }) => {
  // A version is kept at most every couple of minutes of editing; the test moves the clock on instead.
  await page.clock.install();
  const { review, question } = await startAndAnswer(page, 'History');
  await question.add('first');
  await page.clock.runFor(3 * 60 * 1000);
  await question.add('second');
  await page.clock.runFor(3 * 60 * 1000);
  await question.add('third');
  await review.openStep('Review', 'Review');
  await page.getByRole('button', { name: 'Show earlier versions' }).click();
  const earlier = page.getByRole('list', { name: 'Earlier versions' }).getByRole('listitem').filter({ hasText: '2 observations' });
  await earlier.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('textbox', { name: 'Earlier version' })).toHaveValue(/- first\n- second\n/);
  await earlier.getByRole('button', { name: 'Restore this version' }).click();

  await review.openStep('Decreasing luck', 'How have we been decreasing our luck?');
  await expect(question.observations().locator('.item-text')).toHaveText(['first', 'second']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(question.observations().locator('.item-text')).toHaveText(['first', 'second', 'third']);
  await page.reload();
  await expect(question.observations().locator('.item-text')).toHaveText(['first', 'second', 'third']);
});

test('a review saved by a newer version in another tab is never overwritten by this one', async ({ context, page }) => {
  const { review, question } = await startAndAnswer(page, 'Older tab');
  await question.add('typed in the older version');
  const id = new URL(page.url()).hash.split('/')[2];
  const newer = JSON.stringify({ schema: 99, saved_at: 1, app_version: '9.0.0', data: { id, title: 'Newer shape' } });
  const other = await context.newPage();
  await other.goto('./#/');
  await other.evaluate(([key, value]) => localStorage.setItem(key, value), [`gotlucky:v1:review:${id}`, newer]);

  await expect(page.getByRole('alert').filter({ hasText: 'saved by a newer version of gotlucky in another tab' })).toBeVisible();
  await question.add('typed after the newer version saved');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: a newer version of gotlucky' })).toBeVisible();
  await review.back();
  const flushes = await page.evaluate(() => performance.getEntriesByName('gotlucky:flush').length);
  await review.field('What happened').fill('still typing here');
  // Once the autosave has run after the typing, the newer version's entry must still be there untouched.
  await page.waitForFunction((before) => performance.getEntriesByName('gotlucky:flush').length > before, flushes);
  expect(await page.evaluate((key) => localStorage.getItem(key), `gotlucky:v1:review:${id}`)).toBe(newer);
});

test('deleting and restoring in one tab shows in the other', async ({ context, page }) => {
  await startAndAnswer(page, 'Shared between tabs');
  const home = new HomePage(page);
  await home.open();
  const other = await context.newPage();
  const otherHome = new HomePage(other);
  await otherHome.open();
  await expect(otherHome.draft('Shared between tabs')).toBeVisible();

  await home.draft('Shared between tabs').getByRole('button', { name: 'Delete' }).click();
  await home.draft('Shared between tabs').getByRole('button', { name: 'Yes, delete' }).click();
  await expect(otherHome.draft('Shared between tabs')).toHaveCount(0);
  const otherTrash = other.getByRole('list', { name: 'Recently deleted' });
  await expect(otherTrash).toContainText('Shared between tabs');

  await otherTrash.getByRole('listitem').filter({ hasText: 'Shared between tabs' }).getByRole('button', { name: 'Restore' }).click();
  await expect(home.draft('Shared between tabs')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recently deleted', includeHidden: true }).getByText('Shared between tabs')).toHaveCount(0);
});
