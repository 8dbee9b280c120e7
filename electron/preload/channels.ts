import type { IpcChannel } from '../../shared/ipc/contract';

/**
 * The channel names, spelled out here because the contract module also holds the zod schemas and
 * a sandboxed preload must stay a single small file without them. The checks below make the
 * compiler refuse a misspelt, missing or extra channel, so the copy cannot drift.
 */
export const channels = {
  appVersion: 'review:app:version',
  openFiles: 'review:file:open',
  saveFile: 'review:file:save',
  keyInfo: 'review:key:info',
  keyCreate: 'review:key:create',
  keyUnlock: 'review:key:unlock',
  keySign: 'review:key:sign',
  printToPdf: 'review:print:pdf',
} as const satisfies Record<string, IpcChannel>;

type Listed = (typeof channels)[keyof typeof channels];
type Unlisted = Exclude<IpcChannel, Listed>;
const everyChannelListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyChannelListed;
