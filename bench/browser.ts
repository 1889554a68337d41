/**
 * Browser measurements for the bench, in Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) driven by
 * playwright-core; no browser is ever downloaded. The caller starts the server; these functions only visit it.
 *
 * `measureFirstLoad(baseUrl)` opens `baseUrl + '/'` in a fresh context (empty cache) whose requests say
 * `Accept-Encoding: gzip` and nothing else, waits until the map inside `<gi-map>` shows a marker or a
 * cluster and then until the network has been idle for 500 ms, and sums the bytes the browser received
 * (CDP `Network.loadingFinished` encodedDataLength: headers plus the body as sent, compressed or not),
 * in total and by resource type (Document, Script, Stylesheet, Fetch, Image, Font, …). data: and blob:
 * URLs are not counted.
 *
 * `measureMarkers(baseUrl, n)` compares the app's map with bare Leaflet 1.9 + leaflet.markercluster
 * adding the same n points, in one browser, at the same viewport, centre and zoom (a map that draws the
 * server's cluster tiles, as the public map does since issue 24, adds no n markers: the row then says so):
 * - the points: the server's `/api/products.geojson`, its first n features (when it has fewer, its
 *   features repeated with a small deterministic shift until there are n), serialised once in Node;
 *   the bare page parses that text, the app page uses the same features it already holds (so each page
 *   keeps one copy of the data, as in real use);
 * - the app: the real page at `baseUrl + '/'` (the built client as the server serves it), once its first
 *   load has drawn its markers. One run sets the `<gi-map>` element's `points` to null, waits two frames,
 *   takes a new collection of the first n features the page itself fetched (or, when it has fewer,
 *   parses the JSON text), starts the clock, and assigns the collection to `points`: this is the
 *   same path the page takes when its GeoJSON arrives (a Lit update, then markers, icons, the cluster
 *   group with the options, icons and handlers the app gives it, e.g. its own cluster radius);
 * - bare: a page on the same origin (intercepted with `page.route`, so no app code or CSP) holding only
 *   leaflet.js, leaflet.markercluster.js and their CSS from node_modules, with a map of the same size,
 *   centre and zoom. One run removes the previous group, waits two frames, parses the same JSON text and
 *   starts the clock, then makes one `L.marker` per point (default icon), `L.markerClusterGroup({
 *   chunkedLoading: true })` (otherwise markercluster's defaults) added to the map, then one `addLayers` (the faster order: markers added to a
 *   group not yet on a map are first queued with a duplicate check that scans the queue);
 * - the clock stops in both at the first frame (a requestAnimationFrame, then a task after it) at which
 *   the group's top cluster holds all n markers, i.e. after markercluster's last chunk has put the
 *   clusters and markers of the view on the map.
 * Both pages collect garbage (`gc()`, exposed by a V8 flag) before each run, outside the clock.
 * Runs alternate app, bare, app, bare…; the first of each is a warm-up and is dropped; the medians of
 * the rest are returned with their ratio (app / bare; 1 means as fast as bare Leaflet).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian's chromium package installs the browser. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };
/** A marker or a cluster drawn by Leaflet inside <gi-map> (Playwright's CSS pierces shadow roots). */
const MARKER_SELECTOR = 'gi-map .leaflet-marker-icon';

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      // window.gc(), so each timed run starts from a collected heap rather than paying for the last one's garbage.
      '--js-flags=--expose-gc'],
  });
}

/** Bytes and requests of a page's first load. */
export interface FirstLoad {
  bytes: number;
  requests: number;
  byType: Record<string, number>;
  /** Bytes and requests by path (the query left out: every cluster tile under one path). */
  byPath?: Record<string, { bytes: number; requests: number }>;
}

/** What the browser downloads to show the map page with its markers (see the file's comment). */
export async function measureFirstLoad(baseUrl: string): Promise<FirstLoad> {
  const base = baseUrl.replace(/\/$/, '');
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const types = new Map<string, string>();
    const inflight = new Set<string>();
    const paths = new Map<string, string>();
    const result: FirstLoad = { bytes: 0, requests: 0, byType: {}, byPath: {} };
    let lastActivity = Date.now();
    cdp.on('Network.requestWillBeSent', (e) => {
      if (/^(data|blob):/.test(e.request.url)) return;
      types.set(e.requestId, e.type ?? 'Other');
      paths.set(e.requestId, new URL(e.request.url).pathname);
      inflight.add(e.requestId);
      lastActivity = Date.now();
    });
    cdp.on('Network.responseReceived', (e) => { if (types.has(e.requestId)) types.set(e.requestId, e.type); });
    cdp.on('Network.loadingFinished', (e) => {
      const type = types.get(e.requestId);
      if (type === undefined) return;
      types.delete(e.requestId);
      inflight.delete(e.requestId);
      lastActivity = Date.now();
      result.bytes += e.encodedDataLength;
      result.requests++;
      result.byType[type] = (result.byType[type] ?? 0) + e.encodedDataLength;
      const path = (result.byPath![paths.get(e.requestId) ?? '?'] ??= { bytes: 0, requests: 0 });
      path.bytes += e.encodedDataLength;
      path.requests++;
    });
    cdp.on('Network.loadingFailed', (e) => {
      if (!types.delete(e.requestId)) return;
      inflight.delete(e.requestId);
      lastActivity = Date.now();
      result.requests++;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'gzip' } });
    await page.goto(`${base}/`);
    await page.locator(MARKER_SELECTOR).first().waitFor({ state: 'attached', timeout: 60_000 });
    const deadline = Date.now() + 30_000;
    while (inflight.size > 0 || Date.now() - lastActivity < 500) {
      if (Date.now() > deadline) throw new Error(`the network never went idle (${inflight.size} requests in flight)`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await context.close();
    return result;
  } finally {
    await browser.close();
  }
}

/** Medians of the app's and bare Leaflet's time to show the same markers, and their ratio. */
export interface MarkerTimes { appMs: number; bareMs: number; ratio: number }

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The first n points of the server's GeoJSON (repeated with a small shift when it has fewer), as JSON text. */
async function pointsText(base: string, n: number): Promise<string> {
  const res = await fetch(`${base}/api/products.geojson`, { headers: { accept: 'application/geo+json' } });
  if (!res.ok) throw new Error(`/api/products.geojson: HTTP ${res.status}`);
  const all = (await res.json()) as { features: { geometry: { coordinates: [number, number] } | null }[] };
  // Places known only by county (and products with none) have no geometry: only points become markers.
  const source = { features: all.features.filter((f): f is { geometry: { coordinates: [number, number] } } => f.geometry !== null) };
  if (source.features.length === 0) throw new Error('the server has no product locations to draw');
  const features = Array.from({ length: n }, (_, i) => {
    const f = source.features[i % source.features.length];
    const round = Math.floor(i / source.features.length);
    if (round === 0) return f;
    // Deterministic spread of about ±0.05° so the copies cluster like real neighbours, not one stack.
    const [lng, lat] = f.geometry.coordinates;
    const dx = (((i * 7919) % 1000) / 1000 - 0.5) / 10;
    const dy = (((i * 104729) % 1000) / 1000 - 0.5) / 10;
    return { ...f, geometry: { type: 'Point', coordinates: [lng + dx, lat + dy] } };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** Helpers defined in both pages: frames, polling at frame rate, the group's marker count. */
const PAGE_HELPERS = `
  // tsx (esbuild keepNames) wraps named functions of this file in __name(); the functions sent to the page need it too.
  window.__name = (f) => f;
  window.__frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  window.__untilFrame = (done) => new Promise((resolve, reject) => {
    const deadline = performance.now() + 60000;
    const tick = () => done() ? setTimeout(resolve, 0)
      : performance.now() > deadline ? reject(new Error('the markers were not all added within 60 s'))
      : requestAnimationFrame(tick);
    requestAnimationFrame(tick);
  });
  window.__count = (group) => group && group._topClusterLevel ? group._topClusterLevel.getChildCount() : 0;
`;

/** The app page, loaded, with `window.__run()` timing one redraw of its markers; returns the map's view. */
async function setUpApp(page: Page, base: string, text: string, n: number) {
  await page.goto(`${base}/`);
  await page.locator(MARKER_SELECTOR).first().waitFor({ state: 'attached', timeout: 60_000 });
  await page.evaluate(PAGE_HELPERS); // through CDP, so the app's CSP (script-src 'self') does not apply
  return page.evaluate(async ({ text, n }) => {
    const w = window as any;
    const find = (root: ParentNode): any => {
      const hit = root.querySelector('gi-map');
      if (hit) return hit;
      for (const el of root.querySelectorAll('*')) {
        const inner = el.shadowRoot && find(el.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    const giMap = find(document);
    if (!giMap) throw new Error('no <gi-map> on the page');
    // The public map draws the server's cluster tiles (issue 24): it never adds n markers for markercluster to
    // cluster, so there is nothing to compare with the bare page's n markers.
    if (giMap.tileSource) throw new Error('the map draws the server\'s cluster tiles, not n markers clustered in the browser');
    // Let the first load finish adding its own markers before the runs start.
    const first = giMap.points?.features.filter((f: any) => f.geometry).length ?? 0;
    await w.__untilFrame(() => w.__count(giMap.layers.points) >= first);
    // The page's own points when it has n of them (one copy of the data in memory, as in real use);
    // otherwise the same JSON text the bare page parses.
    const own = giMap.points;
    const useOwn = own && own.features.length >= n && own.features.slice(0, n).every((f: any) => f.geometry);
    if (!useOwn) w.__text = text;
    w.__run = async () => {
      giMap.points = null;
      await w.__frame();
      w.gc?.();
      await w.__frame();
      const data = useOwn ? { type: 'FeatureCollection', features: own.features.slice(0, n) } : JSON.parse(w.__text);
      const t0 = performance.now();
      giMap.points = data;
      await w.__untilFrame(() => w.__count(giMap.layers.points) === n);
      return performance.now() - t0;
    };
    const map = giMap.map;
    const c = map.getCenter();
    const size = map.getSize();
    return { lat: c.lat as number, lng: c.lng as number, zoom: map.getZoom() as number, width: size.x as number, height: size.y as number };
  }, { text, n });
}

/** The bare page: Leaflet and markercluster from node_modules on the server's origin, with the same view. */
async function setUpBare(page: Page, base: string, text: string, n: number, view: Awaited<ReturnType<typeof setUpApp>>) {
  const require = createRequire(import.meta.url);
  const leafletDist = dirname(require.resolve('leaflet/dist/leaflet.js'));
  const clusterDist = dirname(require.resolve('leaflet.markercluster/dist/leaflet.markercluster.js'));
  const files: Record<string, [string, string]> = {
    'leaflet.js': [join(leafletDist, 'leaflet.js'), 'text/javascript'],
    'leaflet.css': [join(leafletDist, 'leaflet.css'), 'text/css'],
    'leaflet.markercluster.js': [join(clusterDist, 'leaflet.markercluster.js'), 'text/javascript'],
    'MarkerCluster.css': [join(clusterDist, 'MarkerCluster.css'), 'text/css'],
    'MarkerCluster.Default.css': [join(clusterDist, 'MarkerCluster.Default.css'), 'text/css'],
  };
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>bare</title>
    <link rel="stylesheet" href="/__bench/leaflet.css"><link rel="stylesheet" href="/__bench/MarkerCluster.css">
    <link rel="stylesheet" href="/__bench/MarkerCluster.Default.css">
    <style>html, body { margin: 0; } #map { width: ${view.width}px; height: ${view.height}px; }</style></head>
    <body><div id="map"></div><script src="/__bench/leaflet.js"></script><script src="/__bench/leaflet.markercluster.js"></script></body></html>`;
  await page.route(`${base}/__bench/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice('/__bench/'.length);
    if (name === 'bare.html') return route.fulfill({ contentType: 'text/html', body: html });
    if (name.startsWith('images/')) {
      return route.fulfill({ contentType: 'image/png', body: readFileSync(join(leafletDist, 'images', name.slice(7).replace(/[^\w.-]/g, ''))) });
    }
    const file = files[name];
    return file ? route.fulfill({ contentType: file[1], body: readFileSync(file[0]) }) : route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${base}/__bench/bare.html`);
  await page.evaluate(PAGE_HELPERS); // through CDP, so the app's CSP (script-src 'self') does not apply
  await page.evaluate(({ text, n, view }) => {
    const w = window as any;
    const L = w.L;
    const map = L.map('map', { zoomSnap: 0.25, minZoom: 6, maxZoom: 17 }).setView([view.lat, view.lng], view.zoom, { animate: false });
    w.__text = text;
    w.__run = async () => {
      w.__group?.remove();
      await w.__frame();
      w.gc?.();
      await w.__frame();
      const data = JSON.parse(w.__text);
      const t0 = performance.now();
      const markers = data.features.map((f: any) => L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]]));
      const group = L.markerClusterGroup({ chunkedLoading: true });
      map.addLayer(group);
      group.addLayers(markers);
      w.__group = group;
      await w.__untilFrame(() => w.__count(group) === n);
      return performance.now() - t0;
    };
  }, { text, n, view });
}

/** The app's time to show n markers against bare Leaflet + markercluster (see the file's comment). */
export async function measureMarkers(baseUrl: string, n: number, runs = 5): Promise<MarkerTimes> {
  const base = baseUrl.replace(/\/$/, '');
  const text = await pointsText(base, n);
  const browser = await launch();
  try {
    const options = { viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
    const app = await (await browser.newContext(options)).newPage();
    const bare = await (await browser.newContext(options)).newPage();
    const view = await setUpApp(app, base, text, n);
    await setUpBare(bare, base, text, n, view);
    const appMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i <= runs; i++) {
      // Bring each page to the front for its run so neither is throttled as a background tab.
      await app.bringToFront();
      const a = await app.evaluate(() => (window as any).__run() as Promise<number>);
      await bare.bringToFront();
      const b = await bare.evaluate(() => (window as any).__run() as Promise<number>);
      if (i > 0) { appMs.push(a); bareMs.push(b); }
    }
    const [appMedian, bareMedian] = [median(appMs), median(bareMs)];
    return { appMs: appMedian, bareMs: bareMedian, ratio: appMedian / bareMedian };
  } finally {
    await browser.close();
  }
}
