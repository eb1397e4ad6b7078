// Crashing a tab as a real renderer crash does: through the DevTools Protocol (`Page.crash`), which ends the
// page without pagehide or beforeunload, so only what was already in localStorage survives.
import type { BrowserContext, Page } from '@playwright/test';

/** Crashes the page's renderer at once; the returned time is when the crash was requested. */
export async function crash(context: BrowserContext, page: Page): Promise<number> {
  const session = await context.newCDPSession(page);
  const at = Date.now();
  // The command never answers: the page it would answer from is gone.
  session.send('Page.crash').catch(() => {});
  await page.waitForEvent('crash');
  return at;
}
