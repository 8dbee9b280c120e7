import { z } from 'zod';
import { isAutoBackupName } from '../backup/autoBackupName';
import type { DeviceKeyInfo, SaveOutcome } from '../platform/Platform';

/**
 * The one IPC contract between preload and main. Every channel is namespaced `review:*`; main
 * parses every request with these schemas (payloads are `unknown` until then) and answers with
 * an IpcResult, so errors cross the bridge as data rather than as rejected promises with
 * stringly messages.
 */

const fileFilter = z.object({
  name: z.string().max(200),
  extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,10}$/)).max(20),
});

/** Bytes cross IPC as Uint8Array (structured clone). Capped so a bug cannot flood main. */
export const MAX_IPC_BYTES = 512 * 1024 * 1024;
// z.custom keeps the plain Uint8Array type of Platform.ts (z.instanceof narrows to Uint8Array<ArrayBuffer>).
const bytes = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, '需要字节数据')
  .refine((b) => b.byteLength <= MAX_IPC_BYTES, '文件过大');
/**
 * Files picked in the open dialog are read in pieces of at most this size (under MAX_IPC_BYTES),
 * up to MAX_PICKED_BYTES in all: a round package may be 2 GiB (docs/formats.md, limits).
 */
// A literal type, so that the preload's copy (channels.ts, which cannot bundle zod) is checked.
export const PICKED_CHUNK_BYTES = 67_108_864; // 64 MiB
export const MAX_PICKED_BYTES = 2048 * 1024 * 1024;

/**
 * Bytes larger than one piece go to main ahead of the call that saves them: an upload is begun
 * with its size, filled piece by piece, and then named in place of the bytes (`{ upload }`).
 * Up to the largest archive restore accepts (1 GiB); one upload at a time.
 */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

/** Bytes in the message itself, or an upload completed before it. */
export type BytesOrUpload = Uint8Array | { upload: string };

/** What main answers to the open dialog: the files by handle; their bytes are read in pieces. */
export interface PickedFileRef {
  /** Unguessable, valid until the next pick. */
  handle: string;
  name: string;
  size: number;
}

const bytesOrUpload = z.union([bytes, z.object({ upload: z.string().uuid() }).strict()]);

/** A file name only: no directories, so a renderer cannot steer a save outside the dialog. */
const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine(
    // Characters Windows forbids in names, path separators, and control characters.
    (name) =>
      ![...name].some((ch) => '\\/:*?"<>|'.includes(ch) || ch.charCodeAt(0) < 0x20) &&
      name !== '.' &&
      name !== '..',
    '文件名不合法',
  );

export const ipcRequests = {
  'review:app:version': z.tuple([]),
  'review:file:open': z.tuple([
    z.object({
      title: z.string().max(200),
      filters: z.array(fileFilter).max(20),
      multiple: z.boolean(),
    }),
  ]),
  'review:file:read': z.tuple([
    z.string().uuid(),
    z.number().int().min(0).max(MAX_PICKED_BYTES),
    z.number().int().min(1).max(PICKED_CHUNK_BYTES),
  ]),
  'review:file:save': z.tuple([
    z.object({
      title: z.string().max(200),
      suggestedName: fileName,
      filters: z.array(fileFilter).max(20),
      bytes: bytesOrUpload,
    }),
  ]),
  'review:key:info': z.tuple([]),
  // Optional so an older renderer's create() with no argument stays valid.
  'review:key:create': z.tuple([
    z
      .object({ passphrase: z.string().min(1).max(1024).optional() })
      .strict()
      .optional(),
  ]),
  'review:key:unlock': z.tuple([z.string().min(1).max(1024)]),
  'review:key:sign': z.tuple([bytes]),
  'review:print:pdf': z.tuple([z.object({ suggestedName: fileName })]),
  'review:backup:folder': z.tuple([]),
  'review:backup:choose-folder': z.tuple([]),
  'review:backup:clear-folder': z.tuple([]),
  // Only the automatic archive's own name pattern: main writes it into a folder on disk.
  'review:backup:write': z.tuple([
    z.string().max(200).refine(isAutoBackupName, '自动备份文件名不合法'),
    bytesOrUpload,
  ]),
  'review:upload:begin': z.tuple([z.number().int().min(1).max(MAX_UPLOAD_BYTES)]),
  'review:upload:piece': z.tuple([
    z.string().uuid(),
    z.number().int().min(0).max(MAX_UPLOAD_BYTES),
    bytes.refine((b) => b.byteLength <= PICKED_CHUNK_BYTES, '数据块过大'),
  ]),
  'review:backup:close-ack': z.tuple([]),
  'review:backup:close-now': z.tuple([]),
  'review:backup:close-cancel': z.tuple([]),
} as const;

export interface IpcResponses {
  'review:app:version': string;
  'review:file:open': PickedFileRef[];
  'review:file:read': Uint8Array;
  'review:file:save': SaveOutcome;
  'review:key:info': DeviceKeyInfo | null;
  'review:key:create': DeviceKeyInfo;
  'review:key:unlock': null;
  'review:key:sign': Uint8Array;
  'review:print:pdf': SaveOutcome;
  'review:backup:folder': string | null;
  'review:backup:choose-folder': string | null;
  'review:backup:clear-folder': null;
  'review:backup:write': { location: string };
  'review:upload:begin': string;
  'review:upload:piece': null;
  'review:backup:close-ack': null;
  'review:backup:close-now': null;
  'review:backup:close-cancel': null;
}

/**
 * Messages main sends to the renderer (webContents.send), carrying no payload: the preload hands
 * the page a call without arguments, never the IPC event (whose `sender` is ipcRenderer).
 */
export const ipcEvents = ['review:backup:close-requested'] as const;
export type IpcEventChannel = (typeof ipcEvents)[number];

export type IpcChannel = keyof typeof ipcRequests;
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof ipcRequests)[C]>;

export interface IpcError {
  /** Stable code for programs: 'bad-request', 'no-key', 'failed', 'unknown-channel'. */
  code: string;
  /** For people, in Chinese. */
  message: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ipcChannels = Object.keys(ipcRequests) as IpcChannel[];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ipcRequests, value);
}
