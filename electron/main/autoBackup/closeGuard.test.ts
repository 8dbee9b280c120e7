import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_ACK_TIMEOUT_MS, createCloseGuard, type CloseGuardDeps } from './closeGuard';

function setup(options: { folder?: boolean; requestFails?: boolean } = {}) {
  let folder = options.folder ?? true;
  const calls: string[] = [];
  const deps: CloseGuardDeps = {
    hasFolder: () => folder,
    requestBackup: () => {
      calls.push('request');
      if (options.requestFails) throw new Error('webContents destroyed');
    },
    closeWindow: () => calls.push('closeWindow'),
    quit: () => calls.push('quit'),
  };
  const guard = createCloseGuard(deps);
  /** A 'close' event; true when it was let through (not prevented). */
  const close = () => {
    const event = { preventDefault: vi.fn() };
    guard.onClose(event);
    return event.preventDefault.mock.calls.length === 0;
  };
  return { guard, calls, close, setFolder: (value: boolean) => (folder = value) };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('close guard', () => {
  it('lets the window close at once when no backup folder is set', () => {
    const { guard, calls, close } = setup({ folder: false });
    expect(close()).toBe(true);
    expect(calls).toEqual([]);
    expect(guard.state()).toBe('open');
  });

  it('holds the close and asks the renderer when a folder is set', () => {
    const { guard, calls, close } = setup();
    expect(close()).toBe(false);
    expect(calls).toEqual(['request']);
    expect(guard.state()).toBe('awaiting-ack');
  });

  it('closes anyway when the renderer does not acknowledge in time (hung or crashed page)', () => {
    const { guard, calls, close } = setup();
    close();
    vi.advanceTimersByTime(CLOSE_ACK_TIMEOUT_MS - 1);
    expect(calls).toEqual(['request']);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['request', 'closeWindow']);
    expect(guard.state()).toBe('released');
    // The window.close() that followed emits 'close' again: now it goes through.
    expect(close()).toBe(true);
  });

  it('waits without a time limit once acknowledged, until closeNow', () => {
    const { guard, calls, close } = setup();
    close();
    guard.ack();
    expect(guard.state()).toBe('backing-up');
    vi.advanceTimersByTime(10 * 60_000);
    expect(calls).toEqual(['request']);
    guard.closeNow();
    expect(calls).toEqual(['request', 'closeWindow']);
    expect(guard.state()).toBe('released');
    expect(close()).toBe(true);
  });

  it('ignores closing again while waiting for the acknowledgement or the backup', () => {
    const { guard, calls, close } = setup();
    close();
    expect(close()).toBe(false);
    guard.ack();
    expect(close()).toBe(false);
    guard.onBeforeQuit();
    expect(close()).toBe(false);
    expect(calls).toEqual(['request']);
    expect(guard.state()).toBe('backing-up');
  });

  it('quits rather than only closing when the close came from a quit (Cmd+Q)', () => {
    const { guard, calls, close } = setup();
    guard.onBeforeQuit();
    close();
    guard.ack();
    guard.closeNow();
    expect(calls).toEqual(['request', 'quit']);
  });

  it('quits after the acknowledgement times out during a quit', () => {
    const { guard, calls, close } = setup();
    guard.onBeforeQuit();
    close();
    vi.advanceTimersByTime(CLOSE_ACK_TIMEOUT_MS);
    expect(calls).toEqual(['request', 'quit']);
  });

  it('keeps the app open on cancel, forgets the quit, and asks again on the next close', () => {
    const { guard, calls, close } = setup();
    guard.onBeforeQuit();
    close();
    guard.ack();
    guard.cancel();
    expect(guard.state()).toBe('open');
    vi.advanceTimersByTime(CLOSE_ACK_TIMEOUT_MS * 2);
    expect(calls).toEqual(['request']);

    expect(close()).toBe(false);
    expect(calls).toEqual(['request', 'request']);
    guard.ack();
    guard.closeNow();
    expect(calls).toEqual(['request', 'request', 'closeWindow']);
  });

  it('stops the acknowledgement timer on a cancel before the ack', () => {
    const { guard, calls, close } = setup();
    close();
    guard.cancel();
    vi.advanceTimersByTime(CLOSE_ACK_TIMEOUT_MS * 2);
    expect(calls).toEqual(['request']);
    expect(guard.state()).toBe('open');
  });

  it('closes when the renderer is gone while main waits for it', () => {
    for (const acknowledged of [false, true]) {
      const { guard, calls, close } = setup();
      close();
      if (acknowledged) guard.ack();
      guard.rendererGone();
      expect(calls).toEqual(['request', 'closeWindow']);
      vi.advanceTimersByTime(CLOSE_ACK_TIMEOUT_MS);
      expect(calls).toEqual(['request', 'closeWindow']);
    }
  });

  it('closes at once when the request cannot be delivered', () => {
    const { guard, calls, close } = setup({ requestFails: true });
    close();
    expect(calls).toEqual(['request', 'closeWindow']);
    expect(guard.state()).toBe('released');
    vi.advanceTimersByTime(CLOSE_ACK_TIMEOUT_MS);
    expect(calls).toEqual(['request', 'closeWindow']);
  });

  it('ignores answers that come when nothing is asked, or too late', () => {
    const { guard, calls, close } = setup();
    guard.ack();
    guard.closeNow();
    guard.cancel();
    guard.rendererGone();
    expect(calls).toEqual([]);
    expect(guard.state()).toBe('open');

    close();
    vi.advanceTimersByTime(CLOSE_ACK_TIMEOUT_MS);
    guard.ack();
    guard.closeNow();
    guard.cancel();
    expect(calls).toEqual(['request', 'closeWindow']);
    expect(guard.state()).toBe('released');
  });

  it('reads the folder at each close, so choosing or clearing it applies at once', () => {
    const { calls, close, setFolder } = setup({ folder: false });
    setFolder(true);
    expect(close()).toBe(false);
    expect(calls).toEqual(['request']);

    const cleared = setup();
    cleared.setFolder(false);
    expect(cleared.close()).toBe(true);
  });
});
