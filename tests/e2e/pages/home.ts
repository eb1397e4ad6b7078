// The home screen, as a user sees it.
import { expect, type Page } from '@playwright/test';

export class HomePage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('./#/');
    await expect(this.page.getByRole('heading', { level: 1, name: 'We got lucky' })).toBeVisible();
  }

  async startReview(title: string) {
    await this.page.getByRole('textbox', { name: 'Review title' }).fill(title);
    await this.page.getByRole('button', { name: 'Start review' }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: 'Set the scene' })).toBeVisible();
  }

  /** The list item of a draft, found by its title link. */
  draft(title: string) {
    return this.page
      .getByRole('list', { name: 'Drafts' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  draftTitles() {
    return this.page.getByRole('list', { name: 'Drafts' }).getByRole('listitem').getByRole('link');
  }
}
