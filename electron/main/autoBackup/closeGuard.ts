/**
 * Holds the main window open while the renderer writes the automatic backup (docs/formats.md,
 * Backup archive). Wired to BrowserWindow 'close', which fires both when the user closes the
 * window and during app.quit (Cmd+Q, the tray, an update), while the renderer is still alive;
 * 'before-quit' alone comes too late on Windows and Linux, where closing the last window quits.
 *
 *   open ──close, folder set──▶ awaiting-ack ──ack──▶ backing-up ──closeNow──▶ released
 *     ▲                              │ no ack in time,                  │
 *     │                              ▼ renderer gone                    │ cancel
 *     │                          released                               │
 *     └─────────────────────────────────────────────────────────────────┘
 *
 * Pure: Electron's window and app are reached only through the deps, timers through the
 * globals (fake timers in the tests).
 */

export type CloseGuardState = 'open' | 'awaiting-ack' | 'backing-up' | 'released';

/** How long a renderer has to acknowledge the request before main closes without it. */
export const CLOSE_ACK_TIMEOUT_MS = 4000;

export interface CloseGuardDeps {
  /** A backup folder is chosen; read at each close, so choosing or clearing applies at once. */
  hasFolder(): boolean;
  /** Sends review:backup:close-requested to the renderer; throws when it cannot be delivered. */
  requestBackup(): void;
  /** window.close(): emits 'close' again, which the released guard lets through. */
  closeWindow(): void;
  /** app.quit(): closes every window (the released guard lets them through) and quits. */
  quit(): void;
  ackTimeoutMs?: number;
}

export interface CloseGuard {
  state(): CloseGuardState;
  /** The window's 'close' event. */
  onClose(event: { preventDefault(): void }): void;
  /** The app's 'before-quit' event: once released, quit rather than only close the window. */
  onBeforeQuit(): void;
  /** The renderer took the request; from now on main waits for it without a time limit. */
  ack(): void;
  /** The renderer is done (backed up, or the user skipped): close, and quit if quitting. */
  closeNow(): void;
  /** The user keeps the app open; the next close asks again. */
  cancel(): void;
  /** The renderer crashed or was destroyed: nobody will answer, so close while waiting. */
  rendererGone(): void;
}

export function createCloseGuard(deps: CloseGuardDeps): CloseGuard {
  const ackTimeoutMs = deps.ackTimeoutMs ?? CLOSE_ACK_TIMEOUT_MS;
  let state: CloseGuardState = 'open';
  let quitting = false;
  let ackTimer: ReturnType<typeof setTimeout> | null = null;

  const stopTimer = () => {
    if (ackTimer !== null) clearTimeout(ackTimer);
    ackTimer = null;
  };

  const release = () => {
    stopTimer();
    state = 'released';
    if (quitting) deps.quit();
    else deps.closeWindow();
  };

  const waiting = () => state === 'awaiting-ack' || state === 'backing-up';

  return {
    state: () => state,

    onClose(event) {
      if (state === 'released') return;
      if (waiting()) {
        // A second close (or Cmd+Q) while the renderer works is the same request: keep waiting.
        event.preventDefault();
        return;
      }
      if (!deps.hasFolder()) return;
      event.preventDefault();
      state = 'awaiting-ack';
      try {
        deps.requestBackup();
      } catch {
        release();
        return;
      }
      ackTimer = setTimeout(() => {
        ackTimer = null;
        if (state === 'awaiting-ack') release();
      }, ackTimeoutMs);
    },

    onBeforeQuit() {
      quitting = true;
    },

    ack() {
      if (state !== 'awaiting-ack') return;
      stopTimer();
      state = 'backing-up';
    },

    closeNow() {
      // Only an answer to a request closes: a stray call while open does nothing.
      if (waiting()) release();
    },

    cancel() {
      if (!waiting()) return;
      stopTimer();
      state = 'open';
      quitting = false;
    },

    rendererGone() {
      if (waiting()) release();
    },
  };
}
