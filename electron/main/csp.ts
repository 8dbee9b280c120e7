/**
 * The Content-Security-Policy for every app:// response (and, as a second line, for any other
 * response the session sees). 'self' is app://review-desk; there are no remote origins at all.
 */
const directives: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  // React's style={{...}} props become inline style attributes, which CSP treats as inline
  // styles; without 'unsafe-inline' every such prop would be dropped. Inline *scripts* stay
  // forbidden, and styles cannot run code, so the cost is limited to CSS-based tricks on our
  // own, script-free-of-remote-content origin.
  ['style-src', ["'self'", "'unsafe-inline'"]],
  // Attachments (photos, scans) are shown from object URLs; small icons may be inlined as data:.
  ['img-src', ["'self'", 'blob:', 'data:']],
  // Vite inlines small assets (fonts included) as data: URLs in the built CSS.
  ['font-src', ["'self'", 'data:']],
  ['object-src', ["'none'"]],
  // PDF attachments are read inside the app by pointing an iframe at a blob: URL of the stored
  // bytes, which Chromium's built-in viewer renders; 'self' lets the app frame its own pages
  // (e.g. a print preview). No other origin can be framed.
  ['frame-src', ["'self'", 'blob:']],
  // Imports read files the user picked, which the renderer turns into blob:/data: URLs to fetch.
  ['connect-src', ["'self'", 'blob:', 'data:']],
  ['worker-src', ["'self'", 'blob:']],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

export const CONTENT_SECURITY_POLICY = directives
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
