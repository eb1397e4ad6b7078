// A question step of a review.
import { expect, type Page } from '@playwright/test';

export class QuestionPage {
  constructor(
    private readonly page: Page,
    readonly question: string,
  ) {}

  async expectShown() {
    await expect(this.page.getByRole('heading', { name: this.question })).toBeVisible();
  }

  answerField() {
    return this.page.getByRole('textbox', { name: this.question });
  }

  async addObservation(text: string) {
    await this.answerField().fill(text);
    await this.page.getByRole('button', { name: 'Add observation' }).click();
  }

  observations() {
    return this.page.getByRole('list', { name: 'Observations' }).getByRole('listitem');
  }

  async openExport() {
    await this.page.getByRole('link', { name: 'Export Markdown' }).click();
  }
}
