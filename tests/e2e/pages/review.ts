// The screen of one review: the stepper, a step, and the questions on it.
import { expect, type Locator, type Page } from '@playwright/test';

export class ReviewPage {
  constructor(private readonly page: Page) {}

  stepper() {
    return this.page.getByRole('navigation', { name: 'Steps' });
  }

  stepLink(label: string) {
    return this.stepper().getByRole('link', { name: new RegExp(label) });
  }

  async openStep(label: string, heading: string) {
    await this.stepLink(label).click();
    await this.expectStep(heading);
  }

  async expectStep(heading: string) {
    await expect(this.page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }

  async next() {
    await this.page.getByRole('button', { name: 'Next' }).click();
  }

  async back() {
    await this.page.getByRole('button', { name: 'Back' }).click();
  }

  question(text: string) {
    return new QuestionSection(this.page, text);
  }

  field(label: string) {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  async openExport() {
    await this.page.getByRole('link', { name: 'Export Markdown' }).click();
  }
}

/** One question and its observations. */
export class QuestionSection {
  constructor(
    private readonly page: Page,
    readonly text: string,
  ) {}

  section() {
    return this.page.getByRole('region', { name: this.text, exact: true });
  }

  answerField() {
    return this.page.getByRole('textbox', { name: this.text, exact: true });
  }

  async add(text: string) {
    await this.answerField().fill(text);
    await this.section().getByRole('button', { name: 'Add observation' }).click();
  }

  observations() {
    return this.page.getByRole('list', { name: `Observations: ${this.text}`, exact: true }).getByRole('listitem').filter({
      has: this.page.getByRole('button', { name: 'Delete', exact: true }),
    });
  }

  observation(text: string): Locator {
    return this.observations().filter({ hasText: text });
  }
}
