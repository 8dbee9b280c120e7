import { isTrustedAppUrl } from './trustedUrl';

/**
 * The one permission the app ever grants: the laptop camera (video only) for photos at an
 * inspection site (拉练), asked for by the app's own page. Microphone, screen capture,
 * camera-and-microphone together, any other permission, or any request from another origin or an
 * unparseable one is denied. Pure, so every case is tested (mediaPermission.test.ts).
 */
export interface PermissionAsk {
  permission: string;
  /** From a getUserMedia request: what is asked for. Missing or empty: unknown, so denied. */
  mediaTypes?: readonly string[] | undefined;
  /** From a permission check: the single media type checked. */
  mediaType?: string | undefined;
  /** The URL (request) or origin (check) asking. */
  requestingUrl?: string | undefined;
}

export type PermissionDecision = 'allow' | 'deny';

export function mediaPermissionDecision(ask: PermissionAsk): PermissionDecision {
  if (ask.permission !== 'media') return 'deny';
  if (!isTrustedAppUrl(ask.requestingUrl)) return 'deny';
  const types = ask.mediaTypes ?? (ask.mediaType === undefined ? [] : [ask.mediaType]);
  if (types.length === 0) return 'deny';
  return types.every((t) => t === 'video') ? 'allow' : 'deny';
}
