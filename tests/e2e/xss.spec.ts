// Hostile text everywhere: an XSS corpus typed into every kind of field and brought in through the Markdown
// import, a backup and the merge of reflections. Every screen, the presenter view, print and the exports show it
// as text; a canary that any executed payload would set stays unset, and the Content Security Policy reports
// no violation. The link field becomes a link only for http(s) URLs.
import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { ExportPage } from './pages/export';
import { HomePage } from './pages/home';
import { ReviewPage } from './pages/review';

const X = 'window.__xss=1';
const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Each payload, if it ever ran, would set `window.__xss`. None holds a line break. */
const PAYLOADS = [
  // Plain tags and breaking out of attributes.
  `<script>${X}</script>`,
  `"><script>${X}</script>`,
  `'><script>${X}</script>`,
  `</textarea><script>${X}</script>`,
  `</title><script>${X}</script>`,
  `<<SCRIPT>${X};//<</SCRIPT>`,
  `<SCRIPT/XSS SRC="data:,${X}"></SCRIPT>`,
  `<SCRIPT SRC=data:,${X}?< B >`,
  `<img src=x onerror="${X}">`,
  `<img src=x onerror=${X}//`,
  `<IMG """><SCRIPT>${X}</SCRIPT>">`,
  `<!--<img src="--><img src=x onerror=${X}//">`,
  `<noscript><p title="</noscript><img src=x onerror=${X}>">`,
  `<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^\`=${X}>`,
  // OWASP filter evasion: script URLs in attributes, case, encodings, whitespace.
  `<IMG SRC="javascript:${X};">`,
  `<IMG SRC=JaVaScRiPt:${X}>`,
  `<IMG SRC=\`javascript:${X}\`>`,
  `<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${X}>`,
  `<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${X}>`,
  `<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;${X}>`,
  `<IMG SRC="jav\tascript:${X};">`,
  `<IMG SRC="jav&#x09;ascript:${X};">`,
  `<IMG SRC=" &#14;  javascript:${X};">`,
  `<IMG DYNSRC="javascript:${X}">`,
  `<BGSOUND SRC="javascript:${X};">`,
  `<TABLE BACKGROUND="javascript:${X}">`,
  `<a href="&#x6A;avascript&colon;${X}">x</a>`,
  `<a href="javascript:${X}">click me</a>`,
  `<a href=" JAVASCRIPT:${X}">x</a>`,
  `<form action="javascript:${X}"><button>go</button></form>`,
  `<button formaction="javascript:${X}">go</button>`,
  // Frames, objects and other documents.
  `<iframe src="javascript:top.__xss=1"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<object data="javascript:${X}"></object>`,
  `<embed src="javascript:${X}">`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:${X};">`,
  `<base href="javascript:${X}//">`,
  // SVG and MathML.
  `<svg onload=${X}>`,
  `<svg><script>${X}</script></svg>`,
  `<svg><animate onbegin=${X} attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:${X}"><text x=20 y=20>XSS</text></a></svg>`,
  `<math><mtext><a xlink:href="javascript:${X}">click</a></mtext></math>`,
  `<math href="javascript:${X}">CLICKME</math>`,
  `<math><mi xlink:href="data:x,<script>${X}</script>">`,
  // Event attributes that fire without a click.
  `<details open ontoggle=${X}>`,
  `<input autofocus onfocus=${X}>`,
  `<select autofocus onfocus=${X}>`,
  `<video><source onerror="${X}">`,
  `<audio src=x onerror=${X}>`,
  `<marquee onstart=${X}>`,
  `<x onpointerover=${X}>hover</x>`,
  // Style.
  `<div style="background-image: url(javascript:${X})">`,
  `<div style="width: expression(${X})">`,
  `<STYLE>@import'javascript:${X}';</STYLE>`,
  `<LINK REL="stylesheet" HREF="javascript:${X};">`,
  // Bare URLs.
  `javascript:${X}`,
  `JaVaScRiPt:${X}`,
  `data:text/html,<script>${X}</script>`,
  `data:text/html;base64,${b64(`<script>${X}</script>`)}`,
  // Markdown links and images with script URLs.
  `[x](javascript:${X})`,
  `![x](javascript:${X})`,
  `[x](<javascript:${X}>)`,
  `[x](data:text/html;base64,${b64(`<script>${X}</script>`)})`,
  `![x](x"onerror="${X})`,
  `<javascript:${X}>`,
  `[click][r] [r]: javascript:${X}`,
  `\`<img src=x onerror=${X}>\``,
  // Entities and escapes that must stay as typed.
  `&lt;script&gt;${X}&lt;/script&gt;`,
  `&#60;img src=x onerror=${X}&#62;`,
  `\\u003cimg src=x onerror=${X}\\u003e`,
  `%3Cscript%3E${X}%3C/script%3E`,
  // Right-to-left override and template injection.
  `\u202e<img src=x onerror=${X}>\u202c`,
  `invoice\u202egpj.exe<svg onload=${X}>`,
  `{{constructor.constructor('${X}')()}}`,
  `\${${X}}`,
  `';${X};//`,
];

/** A 100 KB string of payloads, kept in the notes. */
const HUGE = `<img src=x onerror=${X}> `.repeat(Math.ceil(100_000 / 30)).slice(0, 100_000);

const NORMALISED = 'What unsafe behaviour have we been normalising?';
const OWNERSHIP = 'How can we improve collective understanding and ownership?';
const MEASURING = 'Are we measuring what matters on all of our services?';
const PRACTICE = 'Why not start with practice drills?';
const CELEBRATED = 'What gets celebrated in your team?';

/** The corpus dealt out to the fields: multi-line fields take several payloads, one a line. */
const deal = (() => {
  let next = 0;
  const take = (n: number) => PAYLOADS.slice(next, (next += n));
  return {
    title: take(2),
    whatHappened: take(5),
    facilitator: take(1),
    participants: take(2),
    notes: take(5),
    moments: [take(4), take(4)],
    observations: [
      [NORMALISED, take(6)],
      [OWNERSHIP, take(6)],
      [MEASURING, take(6)],
      [PRACTICE, take(5)],
      [CELEBRATED, take(5)],
    ] as [string, string[]][],
    action: take(5),
    owner: take(1),
    scenario: take(5),
    host: take(1),
    drillParticipants: take(1),
    success: take(100),
  };
})();

const lines = (payloads: string[]) => payloads.join('\n');
const oneLine = (payloads: string[]) => payloads.join(' ');
const TITLE = oneLine(deal.title);
const NOTES = `${lines(deal.notes)}\n${HUGE}`;
const LINK = `javascript:${X}`;

test.describe.configure({ timeout: 60_000 });

/** Records CSP violations, page errors and dialogs; run before any page of the context loads. */
async function watch(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener(
      'securitypolicyviolation',
      (event) => w.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
      true,
    );
  });
}

const problems: string[] = [];
test.beforeEach(() => {
  problems.length = 0;
});
function listen(page: Page) {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

/** Nothing ran, the CSP reported nothing, and no element or script URL was made from user text. */
async function expectSafe(page: Page, where: string) {
  const report = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __csp?: string[] };
    const made: string[] = [];
    const forbidden =
      'script, img, svg, math, iframe, frame, object, embed, video, audio, source, base, meta, link, style, marquee, bgsound, x, xmp, noscript';
    // The page's own <noscript> note is a direct child of <body>; any other element of these is made from text.
    for (const el of document.body.querySelectorAll(forbidden)) {
      if (!(el.tagName === 'NOSCRIPT' && el.parentElement === document.body)) made.push(el.tagName.toLowerCase());
    }
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) made.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
        if (/^\W*(javascript|vbscript|data):/i.test(attr.value.replace(/[\s\u0000-\u001f]/g, ''))) {
          made.push(`${el.tagName.toLowerCase()}[${attr.name}=${attr.value.slice(0, 40)}]`);
        }
        if (attr.name === 'style' && /expression|url\(/i.test(attr.value)) made.push(`${el.tagName.toLowerCase()}[style]`);
      }
    }
    for (const a of document.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href') ?? '';
      if (!/^(#|https?:|\.\/|\/|blob:)/i.test(href) && href !== '') made.push(`a[href=${href.slice(0, 40)}]`);
    }
    return { canary: w.__xss, csp: w.__csp ?? ['no CSP listener'], made };
  });
  expect(report.canary, `window.__xss on ${where}`).toBeUndefined();
  expect(report.csp, `CSP violations on ${where}`).toEqual([]);
  expect(report.made, `elements or URLs from user text on ${where}`).toEqual([]);
  expect(problems, `errors or dialogs on ${where}`).toEqual([]);
}

/** The payloads that `selector`'s text (or value, for form fields) does not show as typed. */
async function missingText(page: Page, payloads: string[], selector = 'main') {
  return page.evaluate(
    ([wanted, sel]) => {
      const text = [...document.querySelectorAll(sel as string)]
        .map((el) => (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : el.textContent ?? ''))
        .join('\n');
      return (wanted as string[]).filter((payload) => !text.includes(payload));
    },
    [payloads, selector] as const,
  );
}

const reviewId = (page: Page) => new URL(page.url()).hash.split('/')[2];

async function fillEverything(page: Page) {
  const home = new HomePage(page);
  await home.open();
  await home.startReview(TITLE);
  const review = new ReviewPage(page);
  await review.field('What happened').fill(lines(deal.whatHappened));
  await review.field('Link or ticket').fill(LINK);
  await review.field('Facilitator').fill(oneLine(deal.facilitator));
  await review.field('Participants (names or roles)').fill(oneLine(deal.participants));
  await review.field('Notes').fill(NOTES);
  for (const moment of deal.moments) {
    await page.getByRole('textbox', { name: 'New “we got lucky” moment' }).fill(lines(moment));
    await page.getByRole('button', { name: 'Add moment' }).click();
  }
  await expect(page.getByRole('list', { name: 'We got lucky moments' }).getByRole('listitem')).toHaveCount(2);

  for (const [label, heading] of [
    ['Decreasing luck', 'How have we been decreasing our luck?'],
    ['Increasing luck', 'How have we been increasing our luck?'],
    ['Trying our luck', 'How frequently do we try our luck?'],
    ['Incentives', 'Dig deeper: what are the incentives behind your luck?'],
  ]) {
    await review.openStep(label, heading);
    for (const [question, payloads] of deal.observations) {
      if (!(await review.question(question).section().count())) continue;
      await review.question(question).add(lines(payloads));
      await expect(review.question(question).observations()).toHaveCount(1);
    }
    if (label === 'Trying our luck') {
      await review.field('Failure scenario').fill(lines(deal.scenario));
      await review.field('Game host').fill(oneLine(deal.host));
      await review.field('Drill participants').fill(oneLine(deal.drillParticipants));
      await review.field('What success looks like').fill(lines(deal.success));
    }
    await expectSafe(page, `the ${label} step`);
  }

  await review.openStep('Actions', 'Actions');
  await page.getByRole('textbox', { name: 'New action' }).fill(oneLine(deal.action));
  await page.getByRole('button', { name: 'Add action' }).click();
  const action = page.getByRole('list', { name: 'Actions' }).getByRole('listitem').first();
  await action.getByRole('textbox', { name: 'Owner' }).fill(oneLine(deal.owner));
  await expectSafe(page, 'the Actions step');
  return review;
}

/** Every payload the review holds, each as it was typed. */
const everyPayload = () => [
  ...deal.title,
  ...deal.whatHappened,
  ...deal.facilitator,
  ...deal.participants,
  ...deal.notes,
  ...deal.moments.flat(),
  ...deal.observations.flatMap(([, payloads]) => payloads),
  ...deal.action,
  ...deal.owner,
  ...deal.scenario,
  ...deal.host,
  ...deal.drillParticipants,
  ...deal.success,
];

/** The Review step shows everything but the free notes, which reach the export only. */
const shownOnReviewStep = () => everyPayload().filter((payload) => !deal.notes.includes(payload));

/** The scene's fields, the items and the action hold exactly what was typed (after an import, too). */
async function expectFieldsAsTyped(page: Page, review: ReviewPage) {
  await review.openStep('Set the scene', 'Set the scene');
  await expect(review.field('Review title')).toHaveValue(TITLE);
  await expect(review.field('What happened')).toHaveValue(lines(deal.whatHappened));
  await expect(review.field('Link or ticket')).toHaveValue(LINK);
  await expect(review.field('Facilitator')).toHaveValue(oneLine(deal.facilitator));
  await expect(review.field('Participants (names or roles)')).toHaveValue(oneLine(deal.participants));
  expect(await review.field('Notes').inputValue()).toContain(NOTES);
  const moments = page.getByRole('list', { name: 'We got lucky moments' }).getByRole('textbox', { name: 'Moment' });
  await expect(moments).toHaveCount(deal.moments.length);
  for (const [i, moment] of deal.moments.entries()) await expect(moments.nth(i)).toHaveValue(lines(moment));
  await expectSafe(page, 'the scene step');
  await review.openStep('Actions', 'Actions');
  const action = page.getByRole('list', { name: 'Actions' }).getByRole('listitem').first();
  await expect(action.getByRole('textbox', { name: 'Action' })).toHaveValue(oneLine(deal.action));
  await expect(action.getByRole('textbox', { name: 'Owner' })).toHaveValue(oneLine(deal.owner));
}

/** The Review step shows every payload as text. */
async function expectSummaryAsText(page: Page, review: ReviewPage, where: string) {
  await review.openStep('Review', 'Review');
  expect(await missingText(page, shownOnReviewStep()), `payloads not shown as text on the Review step (${where})`).toEqual([]);
  await expectSafe(page, `the Review step (${where})`);
}

test('an XSS corpus in every field stays text on every screen, in print, the exports and every import', async ({ browser, context, page }) => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(60);
  expect(everyPayload().length).toBe(PAYLOADS.length);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await watch(context);
  listen(page);

  const review = await fillEverything(page);
  const id = reviewId(page);
  await expectFieldsAsTyped(page, review);
  await expectSummaryAsText(page, review, 'as typed');

  // Print shows the same summary, still as text.
  await page.emulateMedia({ media: 'print' });
  expect(await missingText(page, shownOnReviewStep()), 'payloads in the printed summary').toEqual([]);
  await expectSafe(page, 'the printed Review step');
  await page.emulateMedia({ media: 'screen' });

  // The link field: a script URL is never a link; it shows as text.
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(page.getByRole('link', { name: LINK })).toHaveCount(0);

  // The export, with every choice on, and its print.
  await review.openExport();
  const exportPage = new ExportPage(page);
  await exportPage.markdown();
  const options = page.locator('.export-options').getByRole('checkbox');
  expect(await options.count()).toBe(5);
  for (const option of await options.all()) await option.check();
  await exportPage.extraNames().fill(`<img src=x onerror=${X}>, [x](javascript:${X})`);
  await expect(exportPage.mapping()).toBeVisible();
  await expectSafe(page, 'the export with every choice on');
  await exportPage.option('Replace names with roles').uncheck();
  const markdown = await exportPage.markdown();
  expect(markdown).toContain('javascript');
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('pre.print-only').textContent()).toBe(markdown);
  await expectSafe(page, 'the printed export');
  await page.emulateMedia({ media: 'screen' });

  // The HTML for rich paste holds the payloads as text: parsed without running, it has no element from them.
  await exportPage.richCopyButton().click();
  await expect(exportPage.status(/^Copied with its formatting/)).toBeVisible();
  const rich = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const item = items.find((i) => i.types.includes('text/html'));
    const html = item ? await (await item.getType('text/html')).text() : '';
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const made = [...doc.body.querySelectorAll('script, img, svg, math, iframe, object, embed, style, base, meta, link, form, details')].map(
      (el) => el.tagName,
    );
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.attributes) if (/^on/i.test(attr.name) || /^\s*(javascript|data):/i.test(attr.value)) made.push(`${el.tagName}[${attr.name}]`);
    }
    return { length: html.length, text: doc.body.textContent ?? '', made };
  });
  expect(rich.length).toBeGreaterThan(0);
  expect(rich.made, 'elements made from user text in the rich-paste HTML').toEqual([]);
  expect(PAYLOADS.filter((p) => !rich.text.includes(p)), 'payloads as text in the rich-paste HTML').toEqual([]);
  await expectSafe(page, 'the rich copy');

  // The drill card.
  await exportPage.document('The drill card').check();
  const card = await page.getByRole('textbox', { name: 'Markdown' }).inputValue();
  expect(card).toContain('javascript');
  await expectSafe(page, 'the drill card export');
  await exportPage.document('The whole review').check();
  await expect(page.getByRole('textbox', { name: 'Markdown' })).toHaveValue(markdown);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .md' }).click()]);
  const exported = readFileSync(await download.path(), 'utf8');
  expect(exported).toBe(markdown);

  // The meeting plan.
  await page.goto(`./#/review/${id}`);
  await review.expectStep('Set the scene');
  await page.getByRole('link', { name: 'Meeting plan to send before the meeting' }).click();
  const plan = page.getByRole('textbox', { name: 'Meeting plan' });
  // Markdown, with every character that could make markup escaped.
  await expect(plan).toHaveValue(/^# Meeting plan: \\<script\\>window\.\\_\\_xss=1\\<\/script\\> "\\>\\<script\\>/);
  expect(await page.locator('pre.print-only').textContent()).toBe(await plan.inputValue());
  await expectSafe(page, 'the meeting plan');

  // The presenter view, place by place.
  const presenter = await context.newPage();
  listen(presenter);
  await presenter.goto(`./#/review/${id}/present`);
  const heading = presenter.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  let seen = '';
  for (let moves = 0; moves < 40; moves++) {
    seen += (await presenter.locator('body').textContent()) ?? '';
    await expectSafe(presenter, `the presenter view at “${await heading.textContent()}”`);
    const before = (await heading.textContent()) ?? '';
    await presenter.keyboard.press('ArrowRight');
    const moved = await expect(heading)
      .not.toHaveText(before, { timeout: 1500 })
      .then(() => true)
      .catch(() => false);
    if (!moved) break;
  }
  const presented = [...deal.moments.flat(), ...deal.observations.flatMap(([, p]) => p), ...deal.action];
  expect(presented.filter((p) => !seen.includes(p)), 'payloads shown as text in the presenter view').toEqual([]);
  await presenter.close();

  // The home screen's drafts list.
  const home = new HomePage(page);
  await home.open();
  await expect(home.draft(TITLE)).toBeVisible();
  await expectSafe(page, 'the drafts list');

  // The Markdown export imports back as a new draft holding exactly what was typed.
  await page.getByLabel('Import a Markdown review').setInputFiles({ name: 'review.md', mimeType: 'text/markdown', buffer: Buffer.from(exported) });
  await expect(page.getByText(/^Found “/)).toBeVisible();
  await expectSafe(page, 'the Markdown import preview');
  await page.getByRole('button', { name: 'Import as a new draft' }).click();
  await review.expectStep('Set the scene');
  const imported = new ReviewPage(page);
  await expectFieldsAsTyped(page, imported);
  await expectSummaryAsText(page, imported, 'after the Markdown import');

  // The merge: the exported Markdown is a reflection merged into another review.
  await home.open();
  await home.startReview('Meeting');
  await review.next();
  await page.getByText('Add reflections…').click();
  await page.getByLabel('Reflection files').setInputFiles({ name: 'reflection.md', mimeType: 'text/markdown', buffer: Buffer.from(exported) });
  const preview = page.getByRole('region', { name: 'What the merge adds' });
  await expect(preview).toContainText(oneLine(deal.facilitator));
  await expectSafe(page, 'the merge preview');
  await preview.getByRole('button', { name: 'Merge into this review' }).click();
  await expect(review.question(NORMALISED).observations()).toHaveCount(1);
  await expect(review.question(NORMALISED).observations().locator('.item-text')).toHaveText([lines(deal.observations[0][1])]);
  await expectSafe(page, 'the merged review');
  await review.openStep('Review', 'Review');
  const merged = deal.observations.flatMap(([, p]) => p);
  expect(await missingText(page, merged), 'merged observations on the Review step').toEqual([]);
  await expectSafe(page, 'the Review step after the merge');

  // A backup imported in another browser profile.
  await home.open();
  const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
  const other = await browser.newContext();
  await watch(other);
  const fresh = await other.newPage();
  listen(fresh);
  const freshHome = new HomePage(fresh);
  await freshHome.open();
  await fresh.getByLabel('Import a backup file').setInputFiles(await backup.path());
  await expect(fresh.getByText(/^This file holds: 3 added/)).toBeVisible();
  await expectSafe(fresh, 'the backup import preview');
  await fresh.getByRole('button', { name: 'Import these drafts' }).click();
  await expect(freshHome.draftTitles().filter({ hasText: TITLE })).toHaveCount(2);
  await expectSafe(fresh, 'the drafts list after the backup import');
  await freshHome.draftTitles().filter({ hasText: TITLE }).first().click();
  const restored = new ReviewPage(fresh);
  await restored.expectStep('Set the scene');
  await expectFieldsAsTyped(fresh, restored);
  await expectSummaryAsText(fresh, restored, 'after the backup import');
  await other.close();
});

test('the link or ticket is a link only for an http(s) URL', async ({ context, page }) => {
  await watch(context);
  listen(page);
  const home = new HomePage(page);
  await home.open();
  await home.startReview('Links');
  const review = new ReviewPage(page);
  for (const link of [`javascript:${X}`, ` JaVaScRiPt:${X}`, `data:text/html,<script>${X}</script>`, 'https://example.com/INC-1']) {
    await review.openStep('Set the scene', 'Set the scene');
    await review.field('Link or ticket').fill(link);
    await review.openStep('Review', 'Review');
    await expect(page.locator('main')).toContainText(link.trim());
    const links = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of links) expect(href, `a link on the Review step for “${link}”`).toMatch(/^(#|https?:\/\/)/i);
    if (!/^https?:/.test(link)) expect(links.filter((href) => href.includes('xss'))).toEqual([]);
    await expectSafe(page, `the Review step with the link “${link}”`);
  }
});
