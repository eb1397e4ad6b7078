// gotlucky's service worker: the app keeps working with no network after one visit.
// The build (tools/post_build.mjs) fills in BUILD and PRECACHE, so every build has its own cache.
const BUILD = '__BUILD__';
const PRECACHE = __PRECACHE__;
const CACHE = `gotlucky-${BUILD}`;

// Paths are relative to the service worker, so the site also works under a sub-path.
const url = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(url))));
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

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page: the network first, so a new version is seen; the cached page when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(url('./'), copy));
          }
          return response;
        })
        .catch(() => caches.match(url('./'), { ignoreSearch: true })),
    );
    return;
  }
  // Assets have hashed names, so a cached copy is always the right one.
  event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
});
