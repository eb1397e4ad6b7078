// The Markdown export screen.
import { expect, type Page } from '@playwright/test';

export class ExportPage {
  constructor(private readonly page: Page) {}

  async markdown() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Export Markdown' })).toBeVisible();
    return this.page.getByRole('textbox', { name: 'Markdown' }).inputValue();
  }
}
