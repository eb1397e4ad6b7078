// Trunk post-build hook: writes the service worker with the precache list of this build (hashed file names
// stay on), stamps the build id into the page, and adds a strict Content-Security-Policy that allows Trunk's
// inline start-up script by its hash.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook');

function files(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const indexPath = join(staging, 'index.html');
let index = readFileSync(indexPath, 'utf8');

const sha256 = (text) => createHash('sha256').update(text).digest('base64');
const scripts = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => `'sha256-${sha256(match[1])}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');
// Without the anchor the policy would silently be missing: fail the build instead.
if (!index.includes('<meta charset="utf-8">')) throw new Error('post_build: index.html has no <meta charset="utf-8"> to put the Content-Security-Policy after');
if (scripts.length === 0) throw new Error('post_build: found no inline script in index.html to allow by hash');
index = index.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);

const precache = files(staging)
  .map((path) => relative(staging, path).split('\\').join('/'))
  .filter((path) => path !== 'sw.js' && path !== 'index.html')
  .sort();
precache.unshift('./');
// The build id changes whenever any shipped file does, so browsers see a new service worker.
const digest = createHash('sha256');
for (const path of precache.slice(1)) digest.update(path).update(readFileSync(join(staging, path)));
const build = digest.digest('hex').slice(0, 16);
index = index.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    <meta name="gotlucky-build" content="${build}">`);
writeFileSync(indexPath, index);

const worker = readFileSync(new URL('../sw/sw.js', import.meta.url), 'utf8')
  .replace("'__BUILD__'", JSON.stringify(build))
  .replace('__PRECACHE__', JSON.stringify(precache));
writeFileSync(join(staging, 'sw.js'), worker);
console.log(`post_build: service worker for build ${build} precaches ${precache.length} files; CSP allows ${scripts.length} inline script(s) by hash`);
