/**
 * TRUST_PROXY: which reverse proxies in front of the server are believed about the client's address
 * (X-Forwarded-For) and protocol (X-Forwarded-Proto). Believing every hop (Express's `true`) would let a
 * client name its own address, and so its own rate-limit key; only the configured hops are believed.
 */
import proxyaddr from 'proxy-addr';

/** Express's `trust proxy` setting: off, a number of hops, or the proxies' addresses and subnets. */
export type TrustProxy = false | number | string;

/**
 * Reads TRUST_PROXY: unset, empty or `0` → off; a whole number N → the last N hops (`1`: one proxy, as with
 * the README's nginx); otherwise a comma-separated list of the proxies' addresses or subnets (`127.0.0.1`,
 * `10.0.0.0/8`) or of Express's names for ranges (`loopback`, `linklocal`, `uniquelocal`). Anything else,
 * `true` included, stops the server at start with a message saying what it takes.
 */
export function readTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return false;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const refuse = () => new Error(
    `TRUST_PROXY must be the number of proxies in front of the server (1 for one nginx), or their addresses or ` +
    `subnets separated by commas (127.0.0.1, 10.0.0.0/8, loopback, uniquelocal), not ${JSON.stringify(value)}; ` +
    'trusting every hop would let a client choose its own address');
  const parts = text.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '' || !/^[0-9a-f.:/]+$|^(loopback|linklocal|uniquelocal)$/i.test(p))) throw refuse();
  try {
    proxyaddr.compile(parts);
  } catch {
    throw refuse();
  }
  return text;
}
