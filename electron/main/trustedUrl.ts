import { APP_HOST, APP_SCHEME } from './appOrigin';

/** Schemes that would reach the network; the app is offline by design, so main cancels them. */
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 32_768) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for URLs on exactly our origin app://review-desk. Parsing (rather than prefix
 * matching) is what defeats look-alikes such as app://review-desk.evil or app://review-desk@evil;
 * credentials and ports are refused outright because our origin never carries them. Node parses
 * app: as a non-special scheme and keeps the host's case; Chromium hands main only canonical
 * (lowercase) hosts, so an exact comparison refuses nothing legitimate.
 */
export function isTrustedAppUrl(url: unknown): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

export type NavigationDecision = 'allow' | 'deny';

/** For will-navigate: the window may only move between pages of the app itself. */
export function navigationDecision(url: unknown): NavigationDecision {
  return isTrustedAppUrl(url) ? 'allow' : 'deny';
}

/** For setWindowOpenHandler: the app never needs a second window, so nothing opens one. */
export function windowOpenDecision(_url: unknown): NavigationDecision {
  return 'deny';
}

export function isNetworkRequest(url: unknown): boolean {
  const parsed = parse(url);
  return parsed !== null && NETWORK_SCHEMES.has(parsed.protocol);
}

/**
 * For the request blocker. Beyond the network, file:// is cancelled too (the app is served from
 * app://, so a file:// load can only be an attempt to read the disk), and so is anything that
 * does not parse, because an unparseable URL cannot be shown to be harmless.
 */
export function shouldCancelRequest(url: unknown): boolean {
  const parsed = parse(url);
  if (parsed === null) return true;
  return NETWORK_SCHEMES.has(parsed.protocol) || parsed.protocol === 'file:';
}
