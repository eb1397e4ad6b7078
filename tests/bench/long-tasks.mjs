// Long-task benchmark, run by `cargo xtask bench`: a 45-minute meeting compressed into a few minutes, driven
// through the UI as a facilitator would (typing with fill and Enter) against the release build, with the CPU
// slowed 4x: start a review, set the scene, add 300 observations spread over every question, add 50 actions,
// walk every step, edit some text, open the export screen, copy and download, and go back. Counts the browser's
// long tasks (over 50 ms) during the initial load and during everything after it, and prints the longest with
// what the script was doing (target: none after the initial load). Asserts nothing.
import { serve } from '../e2e/serve.mjs';
import { launchChromium } from './chromium.mjs';

const [root] = process.argv.slice(2);
const port = Number(process.env.BENCH_PORT ?? 4185);
const origin = `http://127.0.0.1:${port}`;
const CPU_RATE = 4;
const OBSERVATIONS = 300;
const ACTIONS = 50;
const QUESTION_STEPS = ['Decreasing luck', 'Increasing luck', 'Trying our luck', 'Incentives'];
const server = await serve(root, port);
const browser = await launchChromium();
const context = await browser.newContext({ acceptDownloads: true });
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
await context.addInitScript(() => {
  // Installed before the page's own scripts, so the long tasks of the initial load are seen too.
  window.benchLongTasks = [];
  window.benchLabels = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Notes in the page's own clock what the script starts doing, so a long task can be matched to it. */
const label = (phase, what = phase) =>
  page.evaluate(([phase, what]) => window.benchLabels.push({ at: performance.now(), phase, what }), [phase, what]);

async function openStep(name) {
  const stepper = page.getByRole('navigation', { name: 'Steps' });
  await stepper.getByRole('link', { name: new RegExp(name) }).click();
  // The stepper marks the step once it is open.
  await stepper.locator('[aria-current="step"]', { hasText: name }).waitFor();
}

// The initial load: everything until the home screen is up and the page has had a moment to settle.
await page.goto(`${origin}/#/`);
await page.getByRole('heading', { level: 1, name: 'We got lucky' }).waitFor();
await sleep(2000);

await label('start a review');
await page.getByRole('textbox', { name: 'Review title' }).fill('Checkout outage, compressed meeting');
await page.getByRole('button', { name: 'Start review' }).click();
await page.getByRole('heading', { level: 2, name: 'Set the scene' }).waitFor();

await label('set the scene');
await page.getByRole('textbox', { name: 'What happened', exact: true }).fill('Checkout returned errors for 40 minutes after a config push.');

let added = 0;
for (const [index, step] of QUESTION_STEPS.entries()) {
  await label(`open ${step}`);
  await openStep(step);
  // The step's questions, by the text their add fields are labelled with.
  const questions = await page
    .locator('section.question')
    .evaluateAll((sections) => sections.map((section) => document.getElementById(section.getAttribute('aria-labelledby'))?.textContent ?? ''));
  const phase = `add observations on ${step}`;
  const count = OBSERVATIONS / QUESTION_STEPS.length;
  for (let n = 0; n < count; n++) {
    added += 1;
    await label(phase, `${phase}: observation ${added} of ${OBSERVATIONS}`);
    const field = page.getByRole('textbox', { name: questions[n % questions.length], exact: true });
    await field.fill(`Observation ${added}: the dashboard showed the error rate within a minute, step ${index + 1}`);
    await field.press('Enter');
  }
  await label(`edit an observation on ${step}`);
  await page.getByRole('button', { name: 'Edit', exact: true }).first().click();
  const editor = page.getByRole('textbox', { name: 'Edit observation' });
  await editor.fill(`Reworded on ${step}: the on-call engineer knew the system well`);
  await editor.press('Enter');
}

await label('open Actions');
await openStep('Actions');
const newAction = page.getByRole('textbox', { name: 'New action', exact: true });
for (let n = 0; n < ACTIONS; n++) {
  await label('add actions', `add actions: action ${n + 1} of ${ACTIONS}`);
  await newAction.fill(`Action ${n + 1}: write the runbook for service ${n + 1}`);
  await newAction.press('Enter');
}
await label('edit actions');
const actions = page.getByRole('list', { name: 'Actions', exact: true }).getByRole('listitem');
for (let n = 0; n < 5; n++) {
  await actions.nth(n * 10).getByRole('textbox', { name: 'Owner' }).fill('Sam');
}

await label('edit the scene');
await openStep('Set the scene');
await page.getByRole('textbox', { name: 'What happened', exact: true }).fill('Checkout returned errors for 42 minutes after a config push to the payment gateway.');

// Walk every step in order, as the meeting closes.
for (const step of ['Decreasing luck', 'Increasing luck', 'Trying our luck', 'Incentives', 'Actions', 'Review']) {
  await label(`walk the steps: open ${step}`);
  await openStep(step);
  await sleep(300);
}

await label('open the export screen');
await page.getByRole('link', { name: 'Export Markdown' }).click();
await page.getByRole('heading', { level: 1, name: 'Export Markdown' }).waitFor();
await label('copy the export');
await page.getByRole('button', { name: 'Copy', exact: true }).click();
await page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
await label('download the export');
await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .md' }).click()]);
await label('turn an export option on');
await page.getByRole('checkbox', { name: 'Include unanswered questions' }).click();
await label('go back from the export screen');
await page.goBack();
await page.getByRole('heading', { level: 2, name: 'Review' }).waitFor();
await sleep(1000);

const { tasks, labels } = await page.evaluate(() => ({ tasks: window.benchLongTasks, labels: window.benchLabels }));
// A task belongs to the last label noted before it started; before the first label is the initial load.
const during = (task) => labels.filter((entry) => entry.at <= task.start).pop() ?? { phase: 'initial load', what: 'initial load' };
const initial = tasks.filter((task) => labels.length === 0 || task.start < labels[0].at);
const after = tasks.filter((task) => !initial.includes(task)).map((task) => ({ ...task, ...during(task) }));
const longest = (list) => [...list].sort((a, b) => b.duration - a.duration);

console.log(`\nlong-task benchmark (headless Chromium, CPU slowed ${CPU_RATE}x, a meeting of ${OBSERVATIONS} observations and ${ACTIONS} actions through the UI;`);
console.log('  long tasks are those over 50 ms; target: none after the initial load)');
console.log(`  initial load             ${initial.length} long tasks${initial.length ? `, longest ${longest(initial).map((t) => `${t.duration.toFixed(0)} ms`).slice(0, 5).join(', ')}` : ''}`);
console.log(`  after the initial load   ${after.length} long tasks${after.length ? `, ${after.reduce((sum, t) => sum + t.duration, 0).toFixed(0)} ms in all` : ''}`);
// Every phase in the order it ran, those without a long task too.
const byPhase = new Map(labels.map((entry) => [entry.phase, []]));
for (const task of after) byPhase.get(task.phase)?.push(task);
for (const [phase, list] of byPhase) {
  const worst = list.length ? `, longest ${longest(list)[0].duration.toFixed(0)} ms` : '';
  console.log(`    ${phase.padEnd(44)} ${String(list.length).padStart(3)}${worst}`);
}
if (after.length) {
  console.log('  the longest:');
  for (const task of longest(after).slice(0, 8)) console.log(`    ${task.duration.toFixed(0).padStart(5)} ms  ${task.what}`);
}
await browser.close();
server.close();
