import type { IpcRendererEvent } from 'electron';
import type { Subscribe } from './api';

/** The part of ipcRenderer that listening needs; a fake stands in for it in the tests. */
export interface EventSource {
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(
    channel: string,
    listener: (event: IpcRendererEvent, ...args: unknown[]) => void,
  ): unknown;
}

/**
 * Subscriptions for the page that drop the IPC event and any arguments: the event's `sender` is
 * ipcRenderer itself, which must never reach page script (it could then call any channel).
 */
export function listenOn(source: EventSource): Subscribe {
  return (channel, listener) => {
    const wrapped = () => listener();
    source.on(channel, wrapped);
    return () => {
      source.removeListener(channel, wrapped);
    };
  };
}
