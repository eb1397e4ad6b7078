// The post-build step that writes the Content-Security-Policy and the service worker: it must fail the build
// when it cannot write the policy, rather than ship a page without one.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const SCRIPT = 'import init from "./app.js"; init();';

/** Runs tools/post_build.mjs on a staging folder holding `index` and one asset. */
function postBuild(index: string) {
  const staging = mkdtempSync(join(tmpdir(), 'gotlucky-staging-'));
  writeFileSync(join(staging, 'index.html'), index);
  writeFileSync(join(staging, 'app-0123.js'), 'export default () => {};');
  const run = spawnSync('node', ['tools/post_build.mjs'], { env: { ...process.env, TRUNK_STAGING_DIR: staging }, encoding: 'utf8' });
  const page = readFileSync(join(staging, 'index.html'), 'utf8');
  rmSync(staging, { recursive: true, force: true });
  return { status: run.status, stderr: run.stderr, page };
}

test('the policy is written with the hash of the inline start-up script', () => {
  const { status, page } = postBuild(`<!doctype html><html><head><meta charset="utf-8"><script type="module">${SCRIPT}</script></head></html>`);
  expect(status).toBe(0);
  const hash = createHash('sha256').update(SCRIPT).digest('base64');
  expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`);
});

test('a page with no place for the policy fails the build', () => {
  const { status, stderr, page } = postBuild(`<!doctype html><html><head><meta charset=UTF-8><script type="module">${SCRIPT}</script></head></html>`);
  expect(status).not.toBe(0);
  expect(stderr).toContain('index.html has no <meta charset="utf-8"> to put the Content-Security-Policy after');
  expect(page).not.toContain('Content-Security-Policy');
});

test('a page with no inline script to allow fails the build', () => {
  const { status, stderr } = postBuild('<!doctype html><html><head><meta charset="utf-8"></head></html>');
  expect(status).not.toBe(0);
  expect(stderr).toContain('found no inline script in index.html to allow by hash');
});
