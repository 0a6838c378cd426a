import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where outgoing webhooks may connect. Only public unicast addresses, unless the host (by name or
 * address, or a CIDR range holding the address) is on the allow-list for internal receivers.
 */
export interface OutboundPolicy {
  allowedHosts: readonly string[];
  /** The resolver; tests stand in a name that resolves (or rebinds) to a private address. */
  lookup?: Resolver;
}

/** Every address a name resolves to (the system resolver by default). */
export type Resolver = (
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;
const systemResolver: Resolver = (hostname, callback) => dnsLookup(hostname, { all: true }, callback);

/** Why a delivery did not reach a receiver, as a stable code the client translates. */
export type DeliveryErrorCode = 'PRIVATE_ADDRESS' | 'TIMED_OUT' | 'REDIRECT' | 'HTTP_STATUS' | 'NETWORK';

export class DeliveryFailure extends Error {
  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const PRIVATE_ADDRESS_MESSAGE = 'refused: private address';

/** `[::1]` → `::1`; names are compared in lower case. */
const bare = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();

/** Parses an address, seeing through IPv4-mapped IPv6 (`::ffff:127.0.0.1` is 127.0.0.1). */
function parse(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  return ipaddr.isValid(address) ? ipaddr.process(address) : null;
}

/**
 * True only for global unicast addresses. Loopback, private, link-local, CGNAT, multicast,
 * broadcast, unspecified, unique-local, documentation and the translation ranges (NAT64, 6to4,
 * Teredo, whose embedded IPv4 could be internal) all fall outside ipaddr.js's 'unicast' class.
 */
export function isPublicAddress(address: string): boolean {
  const parsed = parse(bare(address));
  return parsed !== null && parsed.range() === 'unicast';
}

function allowListed(policy: OutboundPolicy, hostname: string, address?: string): boolean {
  const name = bare(hostname);
  const parsed = address === undefined ? null : parse(bare(address));
  return policy.allowedHosts.some((entry) => {
    const wanted = entry.trim().toLowerCase();
    if (wanted === name) return true;
    if (!parsed) return false;
    if (ipaddr.isValidCIDR(wanted)) {
      const [range, bits] = ipaddr.parseCIDR(wanted);
      return range.kind() === parsed.kind() && parsed.match(range, bits);
    }
    const single = parse(wanted);
    return single !== null && single.kind() === parsed.kind() && single.toString() === parsed.toString();
  });
}

/** May a connection to `address`, reached for `hostname`, be made? */
export function mayConnect(policy: OutboundPolicy, hostname: string, address: string): boolean {
  return isPublicAddress(address) || allowListed(policy, hostname, address);
}

/**
 * Refusal at creation, for what the URL itself says: an IP literal (the URL parser has already turned
 * `0x7f000001` and `2130706433` into 127.0.0.1) or a `localhost` name. Names are checked at delivery.
 */
export function literalTargetRefused(policy: OutboundPolicy, url: URL): boolean {
  const host = bare(url.hostname);
  if (allowListed(policy, host, isIP(host) ? host : undefined)) return false;
  if (isIP(host)) return !isPublicAddress(host);
  return host === 'localhost' || host.endsWith('.localhost');
}

/** A resolver that hands the socket only addresses it may connect to, so DNS answers cannot point inside. */
function guardedLookup(policy: OutboundPolicy): LookupFunction {
  const resolve = policy.lookup ?? systemResolver;
  return (
    hostname: string,
    options: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, []);
      const usable = addresses.filter(
        (entry) => (!options.family || entry.family === options.family) && mayConnect(policy, hostname, entry.address),
      );
      const first = usable[0];
      if (!first) return callback(new DeliveryFailure('PRIVATE_ADDRESS', PRIVATE_ADDRESS_MESSAGE), []);
      if (options.all) return callback(null, usable);
      return callback(null, first.address, first.family);
    });
  };
}

/**
 * POSTs one body and answers the receiver's status. Redirects are never followed. The address is
 * checked when resolved and again on the connected socket, so neither an IP literal (which skips the
 * resolver) nor a name that rebinds between checks reaches an internal service.
 */
export function post(
  policy: OutboundPolicy,
  target: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const host = bare(target.hostname);
    if (isIP(host) && !mayConnect(policy, host, host)) {
      reject(new DeliveryFailure('PRIVATE_ADDRESS', PRIVATE_ADDRESS_MESSAGE));
      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(policy),
        agent: false,
      },
      (response) => {
        clearTimeout(timer);
        response.resume();
        resolve({ status: response.statusCode ?? 0, headers: response.headers });
      },
    );
    const timer = setTimeout(() => request.destroy(new DeliveryFailure('TIMED_OUT', 'timed out')), timeoutMs);
    request.on('socket', (socket) => {
      socket.once('connect', () => {
        const address = socket.remoteAddress;
        if (!address || !mayConnect(policy, host, address))
          request.destroy(new DeliveryFailure('PRIVATE_ADDRESS', PRIVATE_ADDRESS_MESSAGE));
      });
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error instanceof DeliveryFailure ? error : new DeliveryFailure('NETWORK', error.message.slice(0, 300)));
    });
    request.end(body);
  });
}
