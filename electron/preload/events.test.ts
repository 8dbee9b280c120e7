import { describe, expect, it, vi } from 'vitest';
import type { IpcRendererEvent } from 'electron';
import { listenOn, type EventSource } from './events';

type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void;

/** A stand-in for ipcRenderer that delivers messages the way Electron does: event first. */
function fakeRenderer() {
  const listeners = new Map<string, Set<Listener>>();
  const sender = { invoke: vi.fn(), send: vi.fn() };
  const source: EventSource = {
    on: (channel, listener) =>
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, ...args: unknown[]) =>
    listeners
      .get(channel)
      ?.forEach((listener) => listener({ sender } as unknown as IpcRendererEvent, ...args));
  return { source, emit, count: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

describe('listenOn', () => {
  it('hands the listener neither the IPC event (its sender is ipcRenderer) nor arguments', () => {
    const renderer = fakeRenderer();
    const listener = vi.fn();
    listenOn(renderer.source)('review:backup:close-requested', listener);
    renderer.emit('review:backup:close-requested', { injected: true });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([]);
  });

  it('removes exactly its own listener on unsubscribe', () => {
    const renderer = fakeRenderer();
    const subscribe = listenOn(renderer.source);
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = subscribe('review:backup:close-requested', first);
    subscribe('review:backup:close-requested', second);
    expect(renderer.count('review:backup:close-requested')).toBe(2);
    stopFirst();
    renderer.emit('review:backup:close-requested');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(renderer.count('review:backup:close-requested')).toBe(1);
  });
});
