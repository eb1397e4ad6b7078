// The whole worksheet as a facilitator drives it: steps, observations, actions, moments, ledger, drafts.
import { expect, test, type Page } from '@playwright/test';
import { ExportPage } from './pages/export';
import { HomePage } from './pages/home';
import { ReviewPage } from './pages/review';

const STEPS = [
  ['Set the scene', 'Set the scene'],
  ['Decreasing luck', 'How have we been decreasing our luck?'],
  ['Increasing luck', 'How have we been increasing our luck?'],
  ['Trying our luck', 'How frequently do we try our luck?'],
  ['Incentives', 'Dig deeper: what are the incentives behind your luck?'],
  ['Actions', 'Actions'],
  ['Review', 'Review'],
] as const;

const NORMALISED = 'What unsafe behaviour have we been normalising?';
const MEASURING = 'Are we measuring what matters on all of our services?';

async function startReview(page: Page, title: string) {
  const home = new HomePage(page);
  await home.open();
  await home.startReview(title);
  return new ReviewPage(page);
}

test('every step opens from the stepper, Next and Back walk them in order, focus lands on the heading', async ({ page }) => {
  const review = await startReview(page, 'Walkthrough');
  for (const [label, heading] of STEPS) {
    await review.openStep(label, heading);
    await expect(review.stepLink(label)).toHaveAttribute('aria-current', 'step');
  }
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  for (const [, heading] of [...STEPS].reverse().slice(1)) {
    await review.back();
    await review.expectStep(heading);
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeFocused();
  }
  await expect(page.getByRole('button', { name: 'Back' })).toBeDisabled();
});

test('the URL keeps the step: reload and the browser back button return to it', async ({ page }) => {
  const review = await startReview(page, 'Hash routing');
  await review.openStep('Increasing luck', STEPS[2][1]);
  await review.openStep('Actions', 'Actions');
  await page.reload();
  await review.expectStep('Actions');
  await page.goBack();
  await review.expectStep(STEPS[2][1]);
});

test('keyboard shortcuts move between steps and are listed in the shortcuts panel', async ({ page }) => {
  const review = await startReview(page, 'Keys');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await review.expectStep(STEPS[1][1]);
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await review.expectStep(STEPS[2][1]);
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await review.expectStep(STEPS[1][1]);
  // While typing in a field, Alt+Page Down moves on and Alt+Shift+arrows are left to the field.
  const field = review.question('What unsafe behaviour have we been normalising?').answerField();
  await field.fill('half typed');
  await field.press('Alt+Shift+ArrowRight');
  await review.expectStep(STEPS[1][1]);
  await field.press('Alt+PageDown');
  await review.expectStep(STEPS[2][1]);
  await page.keyboard.press('Alt+PageUp');
  await review.expectStep(STEPS[1][1]);
  await expect(field).toHaveValue('half typed');
  const panel = page.getByRole('region', { name: 'Keyboard shortcuts' });
  await expect(panel).toBeHidden();
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Next step');
});

test('every question of the article is asked, with its help', async ({ page }) => {
  const review = await startReview(page, 'All questions');
  let questions = 0;
  for (const [label, heading] of STEPS.slice(1, 5)) {
    await review.openStep(label, heading);
    const headings = page.getByRole('heading', { level: 3 });
    questions += await page.locator('section.question').count();
    await expect(headings.first()).toBeVisible();
  }
  expect(questions).toBe(18);
  await review.openStep('Decreasing luck', STEPS[1][1]);
  await expect(page.getByText('Chaos engineering?')).toBeVisible();
});

test('observations can be edited, reordered, tagged and deleted with undo', async ({ page }) => {
  const review = await startReview(page, 'Editing');
  await review.next();
  const question = review.question(NORMALISED);
  await question.add('first');
  await question.add('second');
  await question.add('third');

  // Found by position: while it is being edited, its text is in the editor.
  const second = question.observations().nth(1);
  await second.getByRole('button', { name: 'Edit' }).click();
  const editor = second.getByRole('textbox', { name: 'Edit observation' });
  await editor.fill('second, reworded');
  await editor.press('Enter');
  await question.observation('third').getByRole('button', { name: 'Move up' }).click();
  await expect(question.observations().locator('.item-text')).toHaveText(['first', 'third', 'second, reworded']);

  await question.observation('first').getByRole('combobox', { name: 'Luck' }).selectOption('decreasing luck');
  await question.observation('first').getByRole('combobox', { name: 'Dial' }).selectOption('stop');

  await question.observation('third').getByRole('button', { name: 'Delete' }).click();
  await expect(question.observations().locator('.item-text')).toHaveText(['first', 'second, reworded']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(question.observations().locator('.item-text')).toHaveText(['first', 'third', 'second, reworded']);

  await page.reload();
  await expect(question.observations().locator('.item-text')).toHaveText(['first', 'third', 'second, reworded']);
  await expect(question.observation('first').getByRole('combobox', { name: 'Luck' })).toHaveValue('decreasing');
  await review.openExport();
  expect(await new ExportPage(page).markdown()).toContain('- first *(decreasing luck; dial: stop)*\n');
});

test('an observation becomes an action, linked both ways, and the ledger explains a moment', async ({ page }) => {
  const review = await startReview(page, 'Ledger');
  await page.getByRole('textbox', { name: 'New “we got lucky” moment' }).fill('Sam spotted the problem on our SLIs dashboard');
  await page.getByRole('button', { name: 'Add moment' }).click();
  await review.openStep('Increasing luck', STEPS[2][1]);
  const question = review.question(MEASURING);
  await question.add('Checkout has an SLI dashboard');
  const observation = question.observation('Checkout has an SLI dashboard');
  await observation.getByRole('combobox', { name: 'Luck' }).selectOption('increasing luck');
  await observation.getByText('Link to a moment or make an action').click();
  await observation.getByRole('checkbox', { name: 'Sam spotted the problem on our SLIs dashboard' }).check();
  await observation.getByRole('textbox', { name: 'New action from this observation' }).fill('Add SLIs to refunds');
  await observation.getByRole('button', { name: 'Add action' }).click();
  await expect(observation.getByRole('list', { name: 'Actions from this observation' })).toContainText('Add SLIs to refunds');

  await review.openStep('Actions', 'Actions');
  const action = page.getByRole('list', { name: 'Actions' }).getByRole('listitem').first();
  await expect(action.getByRole('textbox', { name: 'Action' })).toHaveValue('Add SLIs to refunds');
  await action.getByRole('textbox', { name: 'Owner' }).fill('Sam');
  await action.getByLabel('Due date').fill('2026-12-24');
  await expect(action.getByRole('link', { name: 'Checkout has an SLI dashboard' })).toBeVisible();

  await review.openStep('Set the scene', 'Set the scene');
  await expect(page.getByText('Explained by 1 observation')).toBeVisible();

  await review.openStep('Review', 'Review');
  const ledger = page.getByRole('list', { name: 'Luck ledger' });
  await expect(ledger).toContainText('Sam spotted the problem on our SLIs dashboard');
  await expect(ledger).toContainText('preparation that paid off');
  await expect(page.getByRole('list', { name: 'All actions' })).toContainText('Add SLIs to refunds (Sam, 2026-12-24)');
});

test('the notes show on the Review step as typed, line breaks included', async ({ page }) => {
  const review = await startReview(page, 'With notes');
  await review.field('Notes').fill('Follow up with the vendor\nAsk about *their* on-call');
  await review.openStep('Review', 'Review');
  await expect(page.getByRole('heading', { level: 3, name: 'Notes', exact: true })).toBeVisible();
  await expect(page.locator('.summary-notes')).toHaveText('Follow up with the vendor\nAsk about *their* on-call');
  const lines = await page.locator('.summary-notes').evaluate((notes) => (notes as HTMLElement).innerText.split('\n'));
  expect(lines).toEqual(['Follow up with the vendor', 'Ask about *their* on-call']);
});

test('self-reflection hides the participants and the export says it is personal', async ({ page }) => {
  const review = await startReview(page, 'Alone');
  await expect(review.field('Participants (names or roles)')).toBeVisible();
  await page.getByRole('radio', { name: 'Self-reflection, on my own' }).check();
  await expect(review.field('Participants (names or roles)')).toBeHidden();
  await expect(review.field('Facilitator')).toBeHidden();
  await review.field('Your name').fill('Dev');
  await review.openExport();
  const markdown = await new ExportPage(page).markdown();
  expect(markdown).toContain('This is a personal reflection');
  expect(markdown).toContain('| Written by | Dev |');
});

test('drafts can be renamed, duplicated, and deleted after confirming, with undo', async ({ page }) => {
  await startReview(page, 'Original');
  const home = new HomePage(page);
  await home.open();
  // Found by position: its title changes while it is renamed.
  const draft = page.getByRole('list', { name: 'Drafts' }).getByRole('listitem').first();
  await expect(draft).toContainText('Original');
  await draft.getByRole('button', { name: 'Rename' }).click();
  // The new field takes focus, so the keyboard goes straight on to typing the title.
  await expect(draft.getByRole('textbox', { name: 'New title' })).toBeFocused();
  await draft.getByRole('textbox', { name: 'New title' }).fill('Renamed');
  await draft.getByRole('textbox', { name: 'New title' }).press('Enter');
  await expect(home.draft('Renamed')).toBeVisible();

  await home.draft('Renamed').getByRole('button', { name: 'Duplicate' }).click();
  await expect(home.draft('Copy of Renamed')).toBeVisible();

  await home.draft('Copy of Renamed').getByRole('button', { name: 'Delete' }).click();
  await home.draft('Copy of Renamed').getByRole('button', { name: 'Yes, delete' }).click();
  await expect(home.draft('Copy of Renamed')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(home.draft('Copy of Renamed')).toBeVisible();
  await page.reload();
  await expect(home.draft('Copy of Renamed')).toBeVisible();
  await expect(home.draft('Renamed')).toBeVisible();
});
