// What every benchmark needs from the browser: a headless Chromium started the same way, and a page that holds
// a stored review.
import { chromium } from '@playwright/test';

/** The system Chromium, kept from reaching other hosts (these machines reach only the package registries). */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export function launchChromium() {
  return chromium.launch(CHROMIUM);
}

/** Writes `entries` (storage keys and values, as the app writes them) into the page's localStorage. */
export async function storeEntries(page, entries) {
  await page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, entries);
}
