import type {
  PICKED_CHUNK_BYTES as CONTRACT_CHUNK_BYTES,
  IpcChannel,
  IpcEventChannel,
} from '@shared/ipc/contract';

/**
 * The channel names, spelled out here because the contract module also holds the zod schemas and
 * a sandboxed preload must stay a single small file without them. The checks below make the
 * compiler refuse a misspelt, missing or extra channel, so the copy cannot drift.
 */
export const channels = {
  appVersion: 'review:app:version',
  openFiles: 'review:file:open',
  readFile: 'review:file:read',
  saveFile: 'review:file:save',
  keyInfo: 'review:key:info',
  keyCreate: 'review:key:create',
  keyUnlock: 'review:key:unlock',
  keySign: 'review:key:sign',
  printToPdf: 'review:print:pdf',
  backupFolder: 'review:backup:folder',
  backupChooseFolder: 'review:backup:choose-folder',
  backupClearFolder: 'review:backup:clear-folder',
  backupWrite: 'review:backup:write',
  backupCloseAck: 'review:backup:close-ack',
  backupCloseNow: 'review:backup:close-now',
  backupCloseCancel: 'review:backup:close-cancel',
  uploadBegin: 'review:upload:begin',
  uploadPiece: 'review:upload:piece',
} as const satisfies Record<string, IpcChannel>;

/** The contract's piece size for reading picked files; the type makes the copy match it. */
export const PICKED_CHUNK_BYTES: typeof CONTRACT_CHUNK_BYTES = 67_108_864;

/** Main → renderer messages, checked against the contract's ipcEvents the same way. */
export const events = {
  backupCloseRequested: 'review:backup:close-requested',
} as const satisfies Record<string, IpcEventChannel>;

type Listed = (typeof channels)[keyof typeof channels];
type Unlisted = Exclude<IpcChannel, Listed>;
const everyChannelListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyChannelListed;

type ListedEvent = (typeof events)[keyof typeof events];
type UnlistedEvent = Exclude<IpcEventChannel, ListedEvent>;
const everyEventListed: [UnlistedEvent] extends [never] ? true : UnlistedEvent = true;
void everyEventListed;
