// Running the meeting: the step timer (driven with Playwright's clock, never by waiting real minutes), shared by
// every tab of the review, and the presenter view following the facilitator from another window.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { HomePage } from './pages/home';
import { ReviewPage } from './pages/review';

const NORMALISED = 'What unsafe behaviour have we been normalising?';

async function startMeeting(page: Page, title: string) {
  const home = new HomePage(page);
  await home.open();
  await home.startReview(title);
  return new ReviewPage(page);
}

const timer = (page: Page) => page.getByRole('group', { name: 'Meeting timer' });
const timeLeft = (page: Page) => timer(page).getByRole('timer');

test('the step timer counts down, survives a reload, is shared by tabs and announces its thresholds', async ({ context, page }) => {
  await page.clock.install({ time: new Date('2026-11-28T09:00:00Z') });
  const review = await startMeeting(page, 'Timed meeting');
  // Open already: a facilitated meeting shows its plan.
  const sceneMinutes = page.getByRole('spinbutton', { name: 'Minutes for Set the scene' });
  await sceneMinutes.fill('3');
  await sceneMinutes.press('Tab');
  await expect(timeLeft(page)).toHaveText('3:00 left');

  await timer(page).getByRole('button', { name: 'Start' }).click();
  await page.clock.fastForward('01:05');
  await expect(timeLeft(page)).toHaveText(/^1:5\d left$/);
  await expect(timer(page).locator('[aria-live="polite"]')).toHaveText('2 minutes left');

  // Another tab of the same review shows the same time left.
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(timeLeft(other)).toHaveText(/^1:5\d left$/);

  // A reload keeps the timer running from the same instant, and does not announce again.
  await page.reload();
  await expect(timeLeft(page)).toHaveText(/^1:5\d left$/);
  await expect(timer(page).locator('[aria-live="polite"]')).toHaveText('');
  await expect(timer(page).getByRole('button', { name: 'Pause' })).toBeVisible();

  await page.clock.fastForward('02:00');
  await expect(timer(page)).toHaveClass(/over/);
  await expect(timer(page).locator('[aria-live="polite"]')).toHaveText('Time is up');
  await expect(timeLeft(page)).toHaveText(/^over by 0:0\d$/);

  // +5 minutes turns overrun back into time left; pause holds it; each step keeps its own time.
  await timer(page).getByRole('button', { name: '+5 minutes' }).click();
  await expect(timeLeft(page)).toHaveText(/^4:5\d left$/);
  await timer(page).getByRole('button', { name: 'Pause' }).click();
  const paused = await timeLeft(page).textContent();
  await page.clock.fastForward('01:00');
  await expect(timeLeft(page)).toHaveText(paused ?? '');
  await review.next();
  await expect(timer(page).getByRole('button', { name: 'Start' })).toBeVisible();
  await review.back();
  await expect(timeLeft(page)).toHaveText(paused ?? '');
  await timer(page).getByRole('button', { name: 'Reset' }).click();
  await expect(timeLeft(page)).toHaveText('3:00 left');
});

test('the sound can be muted, and the choice is remembered in this browser', async ({ page }) => {
  await startMeeting(page, 'Quiet meeting');
  const sound = timer(page).getByRole('button', { name: 'Sound' });
  await expect(sound).toHaveAttribute('aria-pressed', 'true');
  await sound.click();
  await expect(sound).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await expect(timer(page).getByRole('button', { name: 'Sound' })).toHaveAttribute('aria-pressed', 'false');
});

test('a self-reflection has no timer until it is turned on', async ({ page }) => {
  await startMeeting(page, 'Alone');
  await page.getByRole('radio', { name: 'Self-reflection, on my own' }).check();
  await expect(timer(page)).toHaveCount(0);
  await page.getByText('Timebox and meeting plan').click();
  await page.getByRole('checkbox', { name: 'Show a timer for each step' }).check();
  await expect(timer(page)).toBeVisible();
});

test('the presenter view follows the facilitator: questions, observations and steps', async ({ context, page }) => {
  const review = await startMeeting(page, 'Presented meeting');
  await review.next();
  const question = review.question(NORMALISED);
  await question.add('Friday deploys without anyone on call');
  const url = new URL(page.url());
  const id = url.hash.split('/')[2];

  const presenter = await context.newPage();
  await presenter.goto(`./#/review/${id}/present`);
  await expect(presenter.getByRole('heading', { level: 1, name: NORMALISED })).toBeVisible();
  await expect(presenter.getByRole('list', { name: 'Observations' }).getByRole('listitem')).toHaveText([
    'Friday deploys without anyone on call',
  ]);
  await expect(presenter.getByRole('textbox')).toHaveCount(0);

  // Timings are printed for the record; the limit leaves headroom on a busy machine.
  const follows = async (what: string, act: () => Promise<void>, check: () => Promise<void>) => {
    await act();
    const started = Date.now();
    await check();
    console.log(`presenter followed ${what} in ${Date.now() - started} ms`);
  };
  const observations = presenter.getByRole('list', { name: 'Observations' }).getByRole('listitem');
  await follows(
    'an added observation',
    () => question.add('Only Amanda knows the gateway'),
    () => expect(observations).toHaveText(['Friday deploys without anyone on call', 'Only Amanda knows the gateway'], { timeout: 1000 }),
  );
  const secondQuestion = 'How can we improve collective understanding and ownership?';
  await follows(
    'focus on another question',
    () => review.question(secondQuestion).answerField().focus(),
    () => expect(presenter.getByRole('heading', { level: 1, name: secondQuestion })).toBeVisible({ timeout: 1000 }),
  );
  await follows(
    'a step change',
    () => review.next(),
    () => expect(presenter.getByText('Increasing luck', { exact: true })).toBeVisible({ timeout: 1000 }),
  );

  // Used alone, the keyboard moves it question by question.
  const before = await presenter.getByRole('heading', { level: 1 }).textContent();
  await presenter.keyboard.press('ArrowRight');
  await expect(presenter.getByRole('heading', { level: 1 })).not.toHaveText(before ?? '');
  await presenter.keyboard.press('ArrowLeft');
  await expect(presenter.getByRole('heading', { level: 1 })).toHaveText(before ?? '');
});

for (const [width, height] of [[1280, 720], [1920, 1080]]) {
  test(`the presenter view fits ${width}x${height} with 8 observations and has no axe violations`, async ({ context, page }) => {
    const review = await startMeeting(page, 'Big screen');
    await review.next();
    const question = review.question(NORMALISED);
    for (let i = 1; i <= 8; i++) await question.add(`Observation number ${i}, said in the room`);
    const id = new URL(page.url()).hash.split('/')[2];
    const presenter = await context.newPage();
    await presenter.setViewportSize({ width, height });
    await presenter.goto(`./#/review/${id}/present`);
    await expect(presenter.getByRole('list', { name: 'Observations' }).getByRole('listitem')).toHaveCount(8);
    const scrolls = await presenter.evaluate(() => document.documentElement.scrollHeight > window.innerHeight);
    expect(scrolls, 'the page needs no scrolling').toBe(false);
    const list = await presenter.getByRole('list', { name: 'Observations' }).evaluate((el) => el.scrollHeight <= el.clientHeight);
    expect(list, 'eight observations fit without scrolling').toBe(true);
    const [questionSize, bodySize] = await presenter.evaluate(() => [
      parseFloat(getComputedStyle(document.querySelector('h1')!).fontSize),
      parseFloat(getComputedStyle(document.body).fontSize),
    ]);
    expect(questionSize / bodySize).toBeGreaterThanOrEqual(2.5);
    for (const scheme of ['light', 'dark'] as const) {
      await presenter.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page: presenter }).analyze();
      expect(results.violations.map((v) => v.id), `axe on the presenter view (${scheme})`).toEqual([]);
    }
  });
}
