/**
 * Tries bench/browser.ts by hand against a running server:
 * `npx tsx bench/browser-check.ts http://127.0.0.1:3999 [markers=10000]`.
 */
import { measureFirstLoad, measureMarkers } from './browser';

const [url, count = '10000'] = process.argv.slice(2);
if (!url) {
  console.error('usage: npx tsx bench/browser-check.ts URL [MARKERS]');
  process.exit(2);
}
const n = Number(count);

const load = await measureFirstLoad(url);
console.log(`first load of ${url}/: ${load.bytes} bytes in ${load.requests} requests (Accept-Encoding: gzip)`);
for (const [type, bytes] of Object.entries(load.byType).sort((a, b) => b[1] - a[1])) {
  console.log(`  ${type.padEnd(12)} ${String(bytes).padStart(10)} bytes`);
}
const markers = await measureMarkers(url, n);
console.log(`${n} markers: app ${markers.appMs.toFixed(0)} ms, bare Leaflet + markercluster ${markers.bareMs.toFixed(0)} ms, ratio ${markers.ratio.toFixed(2)}`);
