// A static file server for the release build in dist/, on loopback only, with the right MIME types
// (notably application/wasm, which streaming compilation requires). Every file is sent with
// `cache-control: no-cache` unless `maxAge` is given (on the command line: `--max-age=3600`): then every file,
// index.html included, is sent with `cache-control: max-age=<seconds>`, as many static hosts do, so the browser's
// HTTP cache may answer for the page without asking the server.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export function serve(root, port, { maxAge } = {}) {
  const cacheControl = maxAge === undefined ? 'no-cache' : `max-age=${maxAge}`;
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': cacheControl,
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
  const [root = 'dist', port = '4173'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const maxAge = options.find((arg) => arg.startsWith('--max-age='))?.slice('--max-age='.length);
  if (maxAge !== undefined && !/^\d+$/.test(maxAge)) throw new Error(`--max-age wants a number of seconds, not ${maxAge}`);
  // No top-level await: the tests load this module with require().
  serve(root, Number(port), { maxAge: maxAge === undefined ? undefined : Number(maxAge) }).then(() =>
    console.log(`serving ${root} at http://127.0.0.1:${port}${maxAge === undefined ? '' : ` with max-age=${maxAge}`}`),
  );
}
