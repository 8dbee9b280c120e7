import path from 'node:path';
import { isTrustedAppUrl } from './trustedUrl';

const INDEX = 'index.html';

/** A segment that is, or decodes to, `.` or `..`, at any level of percent-encoding we decode. */
function isDotSegment(segment: string): boolean {
  const lowered = segment.toLowerCase().replaceAll('%2e', '.');
  return lowered === '.' || lowered === '..';
}

/**
 * Checks the request as the renderer wrote it. Chromium and the URL parser both collapse `..`
 * before we would see it in `pathname`, which is exactly why this looks at the raw string: a
 * request that *tried* to climb out is refused rather than quietly served something else.
 */
function rawLooksHostile(requestUrl: string): boolean {
  if (/[\\\0]|%5c|%00|%2f/i.test(requestUrl)) return true;
  const beforeQuery = requestUrl.split(/[?#]/, 1)[0] ?? '';
  return beforeQuery.split('/').some(isDotSegment);
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Names a file inside the app folder can have; anything else is a probe. */
function isSafeSegment(segment: string): boolean {
  return (
    segment.length > 0 &&
    segment !== '.' &&
    segment !== '..' &&
    // Colons would make a drive letter (C:) or an NTFS stream (file:stream) on Windows.
    !/[\\/:\0]/.test(segment) &&
    // Windows trims trailing dots and spaces, so `index.html.` would alias `index.html`.
    !/[. ]$/.test(segment)
  );
}

/**
 * Maps app://review-desk/x/y to rootDir/x/y, or null when the request must be refused. Paths
 * without an extension are client-side routes of the single-page app and get index.html.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  if (!isTrustedAppUrl(requestUrl) || rawLooksHostile(requestUrl)) return null;
  const { pathname } = new URL(requestUrl);
  const rawSegments = pathname.split('/').slice(1);
  // A trailing slash (the bare origin included) means the app's entry page.
  if (rawSegments.at(-1) === '') rawSegments.pop();
  const segments: string[] = [];
  for (const raw of rawSegments) {
    const decoded = decodeSegment(raw);
    if (decoded === null || !isSafeSegment(decoded)) return null;
    segments.push(decoded);
  }
  const last = segments.at(-1);
  const relative = last === undefined || !last.includes('.') ? [INDEX] : segments;

  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, ...relative);
  // Belt and braces: whatever the checks above missed, the result must still sit inside root.
  if (!resolved.startsWith(root + path.sep)) return null;
  return resolved;
}
