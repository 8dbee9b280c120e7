import type { App, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';
import { mediaPermissionDecision } from './mediaPermission';
import {
  isTrustedAppUrl,
  navigationDecision,
  shouldCancelRequest,
  windowOpenDecision,
} from './trustedUrl';

/**
 * Glue only: every decision lives in trustedUrl.ts / csp.ts where it is tested. These handlers
 * are the main-process half of "no network, no remote content"; CSP is the renderer half.
 */
export function hardenSession(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: shouldCancelRequest(details.url) });
  });
  // A second line behind the protocol handler's own header. Only for app:// responses: other
  // schemes are either cancelled above or Chromium's own pages (DevTools, the PDF viewer), whose
  // policies ours would break.
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isTrustedAppUrl(details.url)) {
      callback({});
      return;
    }
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
  // Only the camera (video only, the app's own page: photos at 拉练 sites) is ever granted;
  // microphone, geolocation, notifications, HID...: the app needs none. mediaPermission.ts decides.
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(
      mediaPermissionDecision({
        permission,
        mediaTypes: media,
        requestingUrl: details.requestingUrl,
      }) === 'allow',
    );
  });
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      mediaPermissionDecision({
        permission,
        mediaType: details.mediaType,
        requestingUrl: requestingOrigin,
      }) === 'allow',
  );
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (navigationDecision(event.url) === 'deny') event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (navigationDecision(event.url) === 'deny') event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => ({ action: windowOpenDecision(url) }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies the policy to the default session, to every later session and every web contents. */
export function applySecurity(app: App, defaultSession: Session): void {
  hardenSession(defaultSession);
  app.on('session-created', hardenSession);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
