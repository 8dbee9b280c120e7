import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_ACK_TIMEOUT_MS } from './closeGuard';
import { guardWindowClose, type GuardedWindow } from './guardWindowClose';

/** A BrowserWindow as far as the wiring goes: events, close() that re-emits 'close'. */
function fakeWindow() {
  const window = new EventEmitter();
  const webContents = new EventEmitter();
  const sent: string[] = [];
  let destroyed = false;
  let pageGone = false;
  let closed = 0;
  const fake = Object.assign(window, {
    webContents: Object.assign(webContents, {
      send: (channel: string) => {
        if (pageGone) throw new Error('Object has been destroyed');
        sent.push(channel);
      },
    }),
    isDestroyed: () => destroyed,
    /** Like Electron: 'close' first; closed unless a listener prevented it. */
    close: () => {
      let prevented = false;
      window.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) closed += 1;
    },
  });
  return {
    window: fake as unknown as GuardedWindow,
    sent,
    closedCount: () => closed,
    userCloses: () => fake.close(),
    crash: () => webContents.emit('render-process-gone', {}, { reason: 'crashed' }),
    loseThePage: () => (pageGone = true),
    destroy: () => (destroyed = true),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('guardWindowClose', () => {
  it('closes at once without a folder', () => {
    const fake = fakeWindow();
    guardWindowClose(fake.window, { hasFolder: () => false, quit: vi.fn() });
    fake.userCloses();
    expect(fake.closedCount()).toBe(1);
    expect(fake.sent).toEqual([]);
  });

  it('holds the close, asks the renderer on review:backup:close-requested, closes on closeNow', () => {
    const fake = fakeWindow();
    const guard = guardWindowClose(fake.window, { hasFolder: () => true, quit: vi.fn() });
    fake.userCloses();
    expect(fake.closedCount()).toBe(0);
    expect(fake.sent).toEqual(['review:backup:close-requested']);
    guard.ack();
    guard.closeNow();
    expect(fake.closedCount()).toBe(1);
  });

  it('closes when the renderer crashes while a backup runs', () => {
    const fake = fakeWindow();
    const guard = guardWindowClose(fake.window, { hasFolder: () => true, quit: vi.fn() });
    fake.userCloses();
    guard.ack();
    fake.crash();
    expect(fake.closedCount()).toBe(1);
  });

  it('closes after the timeout when the renderer never answers', () => {
    const fake = fakeWindow();
    guardWindowClose(fake.window, { hasFolder: () => true, quit: vi.fn() });
    fake.userCloses();
    vi.advanceTimersByTime(CLOSE_ACK_TIMEOUT_MS);
    expect(fake.closedCount()).toBe(1);
  });

  it('quits through the app when the close came from a quit', () => {
    const fake = fakeWindow();
    const quit = vi.fn();
    const guard = guardWindowClose(fake.window, { hasFolder: () => true, quit });
    guard.onBeforeQuit();
    fake.userCloses();
    guard.ack();
    guard.closeNow();
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('closes at once when the request cannot be sent (the page is gone)', () => {
    const fake = fakeWindow();
    guardWindowClose(fake.window, { hasFolder: () => true, quit: vi.fn() });
    fake.loseThePage();
    fake.userCloses();
    expect(fake.closedCount()).toBe(1);
  });

  it('does not call close() on a window destroyed while waiting', () => {
    const fake = fakeWindow();
    const close = vi.spyOn(fake.window, 'close');
    guardWindowClose(fake.window, { hasFolder: () => true, quit: vi.fn() });
    fake.userCloses();
    fake.destroy();
    vi.advanceTimersByTime(CLOSE_ACK_TIMEOUT_MS);
    expect(close).toHaveBeenCalledTimes(1);
  });
});
