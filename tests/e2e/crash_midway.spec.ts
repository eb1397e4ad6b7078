// A tab that dies in the middle of a merge, an import or a restore from history leaves a review that reopens
// whole: as it was before, or as it was after, never a mix. Each operation is first run once to count the
// storage writes it makes; then, for every point between two of those writes, it is run again in a fresh
// browser context whose storage stops taking writes at that point (as if the tab had died there), the renderer
// is crashed (`Page.crash`), and the review is opened again in a new tab.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { crash } from './pages/crash';
import { HomePage } from './pages/home';
import { ReviewPage } from './pages/review';

const NORMALISED = 'What unsafe behaviour have we been normalising?';
const OWNERSHIP = 'How can we improve collective understanding and ownership?';

/** The keys that hold reviews: the index, heads, parts and history. */
const REVIEW_KEYS = '^gotlucky:v1:(index|review:|history:)';

/** Counts the page's writes to review keys and, once `__writesAllowed` is reached, drops the rest silently. */
async function cuttableStorage(page: Page) {
  await page.addInitScript((pattern: string) => {
    const state = window as unknown as { __writesAllowed: number; __writesTried: number };
    state.__writesAllowed = Infinity;
    state.__writesTried = 0;
    const reviewKey = new RegExp(pattern);
    for (const name of ['setItem', 'removeItem'] as const) {
      const real = Storage.prototype[name] as (this: Storage, ...args: string[]) => void;
      Storage.prototype[name] = function (this: Storage, ...args: string[]) {
        if (!reviewKey.test(String(args[0]))) return real.apply(this, args);
        state.__writesTried += 1;
        if (state.__writesTried > state.__writesAllowed) return;
        return real.apply(this, args);
      } as never;
    }
  }, REVIEW_KEYS);
}

/** From now on, storage takes `allowed` more writes to review keys and drops the rest. */
async function cutAfter(page: Page, allowed: number) {
  await page.evaluate((allowed) => {
    const state = window as unknown as { __writesAllowed: number; __writesTried: number };
    state.__writesTried = 0;
    state.__writesAllowed = allowed;
  }, allowed);
}

async function writesTried(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __writesTried: number }).__writesTried);
}

/** One operation to interrupt: how to get ready, what to do, and how to tell it is done. */
interface Operation {
  prepare(page: Page): Promise<void>;
  run(page: Page): Promise<void>;
  /** Waits until the operation shows as done on the page. */
  done(page: Page): Promise<void>;
  /** Waits until the operation's save has run (by default, the autosave's mark). */
  saved?(page: Page): Promise<void>;
  /** What the reopened tab must show: one of the states before and after, whole. */
  check(page: Page, url: string): Promise<void>;
}

/** Runs `operation` once to count its writes, then once per point between them with a crash there. */
async function crashAtEveryWrite(browser: Browser, operation: Operation) {
  const attempt = async (allowed: number): Promise<number> => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await cuttableStorage(page);
      await operation.prepare(page);
      const url = page.url();
      await cutAfter(page, allowed);
      await operation.run(page);
      await operation.done(page);
      if (allowed === Infinity) {
        // Every write the operation makes has been tried once its save has run.
        if (operation.saved) await operation.saved(page);
        else await page.waitForFunction(() => performance.getEntriesByName('gotlucky:flush', 'measure').length > 0);
        return writesTried(page);
      }
      await page.waitForFunction((allowed) => (window as unknown as { __writesTried: number }).__writesTried > allowed, allowed);
      await crash(context, page);
      const reopened = await context.newPage();
      await operation.check(reopened, url);
      await expect(reopened.getByRole('alert').filter({ hasText: /could not be opened|damaged/ })).toHaveCount(0);
      return allowed;
    } finally {
      await context.close();
    }
  };
  const writes = await attempt(Infinity);
  test.info().annotations.push({ type: 'writes', description: `${writes} storage writes, each a crash point` });
  expect(writes, 'the operation writes to storage').toBeGreaterThan(0);
  for (let allowed = 0; allowed < writes; allowed += 1) {
    await test.step(`a crash after ${allowed} of ${writes} writes`, async () => {
      await attempt(allowed);
    });
  }
}

/** The texts of a question's observations on the page at `url`. */
async function observationTexts(page: Page, url: string, question: string): Promise<string[]> {
  await page.goto(url);
  const review = new ReviewPage(page);
  await review.openStep('Decreasing luck', 'How have we been decreasing our luck?');
  return review.question(question).observations().locator('.item-text').allTextContents();
}

const reflection = `# Checkout outage

| Detail | Value |
|---|---|
| Written by | Sam |
| Mode | personal reflection |

## How have we been decreasing our luck?

### ${NORMALISED}

- Friday deploys without anyone on call

### ${OWNERSHIP}

- Only Amanda knows the gateway
`;

test.describe.configure({ timeout: 180_000 });

test('a crash at any point of a merge leaves the review as it was or fully merged', async ({ browser }) => {
  await crashAtEveryWrite(browser, {
    async prepare(page) {
      const home = new HomePage(page);
      await home.open();
      await home.startReview('Merge crash');
      const review = new ReviewPage(page);
      await review.next();
      await review.question(NORMALISED).add('Config pushes skip review');
      await page.waitForFunction(() => Object.values(localStorage).some((value) => value.includes('Config pushes skip review')));
      await page.evaluate(() => performance.clearMeasures());
    },
    async run(page) {
      await page.getByText('Add reflections…').click();
      await page.getByLabel('Reflection files').setInputFiles([
        { name: 'sam.md', mimeType: 'text/markdown', buffer: Buffer.from(reflection) },
      ]);
      await page.getByRole('region', { name: 'What the merge adds' }).getByRole('button', { name: 'Merge into this review' }).click();
    },
    async done(page) {
      await expect(new ReviewPage(page).question(OWNERSHIP).observations()).toHaveCount(1);
    },
    async check(page, url) {
      const normalised = await observationTexts(page, url, NORMALISED);
      const ownership = await observationTexts(page, url, OWNERSHIP);
      const before = { normalised: ['Config pushes skip review'], ownership: [] };
      const after = { normalised: ['Config pushes skip review', 'Friday deploys without anyone on call'], ownership: ['Only Amanda knows the gateway'] };
      expect([before, after]).toContainEqual({ normalised, ownership });
    },
  });
});

test('a crash at any point of an import leaves no draft or the whole imported draft', async ({ browser }) => {
  await crashAtEveryWrite(browser, {
    async prepare(page) {
      await new HomePage(page).open();
      await page.evaluate(() => performance.clearMeasures());
    },
    async run(page) {
      await page.getByLabel('Import a Markdown review').setInputFiles({
        name: 'sam.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(reflection.replace('# Checkout outage', '# Imported before a crash')),
      });
      await page.getByRole('button', { name: 'Import as a new draft' }).click();
    },
    async done(page) {
      await new ReviewPage(page).expectStep('Set the scene');
    },
    async check(page, url) {
      const home = new HomePage(page);
      await page.goto(url);
      await home.open();
      const drafts = await home.draftTitles().allTextContents();
      if (drafts.length === 0) return;
      expect(drafts).toEqual(['Imported before a crash']);
      await home.draftTitles().first().click();
      const review = new ReviewPage(page);
      await review.expectStep('Set the scene');
      await review.next();
      await expect(review.question(NORMALISED).observations().locator('.item-text')).toHaveText(['Friday deploys without anyone on call']);
      await expect(review.question(OWNERSHIP).observations().locator('.item-text')).toHaveText(['Only Amanda knows the gateway']);
    },
  });
});

test('a crash at any point of a restore from history leaves the review as it was or fully restored', async ({ browser }) => {
  await crashAtEveryWrite(browser, {
    async prepare(page) {
      // A version is kept at most every couple of minutes of editing; the clock is moved on instead.
      await page.clock.install();
      const home = new HomePage(page);
      await home.open();
      await home.startReview('Restore crash');
      const review = new ReviewPage(page);
      await review.next();
      const question = review.question(NORMALISED);
      await question.add('first');
      await page.clock.runFor(3 * 60 * 1000);
      await question.add('second');
      await page.clock.runFor(3 * 60 * 1000);
      await question.add('third');
      await page.clock.runFor(1000);
      await page.waitForFunction(() => Object.values(localStorage).some((value) => value.includes('third')));
      await review.openStep('Review', 'Review');
      await page.getByRole('button', { name: 'Show earlier versions' }).click();
    },
    async run(page) {
      const earlier = page.getByRole('list', { name: 'Earlier versions' }).getByRole('listitem').filter({ hasText: '2 observations' });
      await earlier.getByRole('button', { name: 'Restore this version' }).click();
    },
    async done(page) {
      await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
      // The save is debounced: the page's clock is installed, so it is moved on past the wait.
      await page.clock.runFor(1000);
    },
    async saved(page) {
      // The page's clock stubs the Performance API, so the save is seen in storage: the replaced part is gone.
      await page.waitForFunction(() =>
        Object.keys(localStorage).every((key) => !key.startsWith('gotlucky:v1:review:') || !localStorage.getItem(key)!.includes('third')),
      );
    },
    async check(page, url) {
      const texts = await observationTexts(page, url, NORMALISED);
      expect([['first', 'second', 'third'], ['first', 'second']]).toContainEqual(texts);
    },
  });
});
