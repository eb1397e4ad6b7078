// The Markdown export screen.
import { expect, type Page } from '@playwright/test';

export class ExportPage {
  constructor(private readonly page: Page) {}

  async markdown() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Export Markdown' })).toBeVisible();
    return this.page.getByRole('textbox', { name: 'Markdown' }).inputValue();
  }

  /** A checkbox of the export's choices, by its label. */
  option(label: string) {
    return this.page.getByRole('checkbox', { name: label });
  }

  /** Which document to export: "The whole review" or "The drill card…". */
  document(label: string) {
    return this.page.getByRole('radio', { name: label });
  }

  extraNames() {
    return this.page.getByRole('textbox', { name: 'Other names to replace' });
  }

  /** The line under the preview that lists the names replaced and their roles. */
  mapping() {
    return this.page.locator('#redaction-mapping');
  }

  copyButton() {
    return this.page.getByRole('button', { name: 'Copy', exact: true });
  }

  richCopyButton() {
    return this.page.getByRole('button', { name: 'Copy for Confluence, Google Docs or Notion' });
  }

  status(text: string | RegExp) {
    return this.page.getByRole('status').filter({ hasText: text });
  }
}
