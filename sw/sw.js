// gotlucky's service worker: the app keeps working with no network after one visit.
// The build (tools/post_build.mjs) fills in BUILD and PRECACHE, so every build has its own cache, and the page
// in a cache always belongs to the same build as the hashed assets next to it.
const BUILD = '__BUILD__';
const PRECACHE = __PRECACHE__;
const CACHE = `gotlucky-${BUILD}`;

// Paths are relative to the service worker, so the site also works under a sub-path.
const url = (path) => new URL(path, self.registration.scope).href;
const PAGE = url('./');

/** The build a page belongs to: post_build.mjs writes it into a meta tag. */
async function buildOf(response) {
  const text = await response.clone().text();
  return /<meta name="gotlucky-build" content="([^"]*)">/.exec(text)?.[1];
}

self.addEventListener('install', (event) => {
  // `cache: 'reload'` goes to the server, past the browser's HTTP cache: a host that sends max-age on
  // index.html would otherwise give the page of the previous build, whose assets are gone once this build
  // activates. Everything is fetched and checked before anything is stored.
  event.waitUntil(
    (async () => {
      const responses = await Promise.all(
        PRECACHE.map(async (path) => {
          const response = await fetch(new Request(url(path), { cache: 'reload' }));
          if (!response.ok) throw new Error(`gotlucky ${BUILD}: ${path} answered ${response.status}`);
          return [url(path), response];
        }),
      );
      // A deployment still under way (or a stale copy in front of the server) can serve another build's page:
      // do not install, the browser tries again at its next update check.
      const pageBuild = await buildOf(responses.find(([key]) => key === PAGE)[1]);
      if (pageBuild !== BUILD) throw new Error(`gotlucky ${BUILD}: the server's page is build ${pageBuild}; not installing`);
      const cache = await caches.open(CACHE);
      await Promise.all(responses.map(([key, response]) => cache.put(key, response)));
    })(),
  );
  // No skipWaiting here: a new version waits until the page asks, so nobody is reloaded while typing.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('gotlucky-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate-update') self.skipWaiting();
});

/** Keeps a fresh copy of the page, if it is this build's page and this build's cache still exists. */
async function keepPage(response) {
  // A page of a newer deployment names assets this cache does not hold: it would not start offline.
  if ((await buildOf(response)) !== BUILD) return;
  // A newer worker that activated meanwhile has deleted this cache: do not bring it back.
  if (!(await caches.has(CACHE))) return;
  await (await caches.open(CACHE)).put(PAGE, response);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page: the network first, so a new version is seen; this build's cached page when offline. The
    // request asks the server (`no-cache`), not the HTTP cache, whose copy may name assets deleted since.
    const cache = request.cache === 'reload' || request.cache === 'no-store' ? request.cache : 'no-cache';
    const network = fetch(new Request(request, { cache })).then((response) => ({
      response,
      copy: response.ok ? response.clone() : null,
    }));
    event.respondWith(
      network.then(
        ({ response }) => response,
        () => caches.open(CACHE).then((cached) => cached.match(PAGE)).then((page) => page ?? Response.error()),
      ),
    );
    // The write is part of the event, so the worker is not stopped before it is done.
    event.waitUntil(network.then(({ copy }) => copy && keepPage(copy)).catch(() => {}));
    return;
  }
  // Assets have hashed names, so a cached copy is always the right one.
  event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
});
