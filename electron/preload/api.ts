import type {
  BytesOrUpload,
  PickedFileRef,
  IpcChannel,
  IpcEventChannel,
  IpcRequest,
  IpcResponses,
  IpcResult,
} from '@shared/ipc/contract';
import type { CreateKeyOptions, PickedFile, Platform } from '@shared/platform/Platform';
import { PICKED_CHUNK_BYTES, channels, events } from './channels';

/** ipcRenderer.invoke as this file needs it; injected so the API is testable without Electron. */
export type RawInvoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * Listens to one main → renderer message and returns the unsubscribe; the listener gets no
 * arguments (see listenOn in events.ts). Injected for the same reason as RawInvoke.
 */
export type Subscribe = (channel: IpcEventChannel, listener: () => void) => () => void;

type Invoke = <C extends IpcChannel>(
  channel: C,
  ...args: IpcRequest<C>
) => Promise<IpcResponses[C]>;

function isIpcResult(value: unknown): value is IpcResult<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof Reflect.get(value, 'ok') === 'boolean'
  );
}

/**
 * Main answers every request with an IpcResult; here it becomes a value or an Error carrying
 * main's Chinese message, which the renderer can show as is.
 */
export function typedInvoke(raw: RawInvoke): Invoke {
  return async (channel, ...args) => {
    const result = await raw(channel, ...args);
    if (!isIpcResult(result)) throw new Error('评审台内部错误：主进程的应答格式不正确。');
    if (!result.ok) {
      const error = new Error(result.error.message);
      error.name = result.error.code;
      throw error;
    }
    // The contract types the value; main produced it from the same contract.
    return result.value as IpcResponses[typeof channel];
  };
}

/** `pieceBytes`: only tests read picked files in smaller pieces. */
export function createPlatformApi(
  raw: RawInvoke,
  subscribe: Subscribe,
  pieceBytes: number = PICKED_CHUNK_BYTES,
) {
  const invoke = typedInvoke(raw);
  const done = async <C extends IpcChannel>(channel: C, ...args: IpcRequest<C>) => {
    await invoke(channel, ...args);
  };
  // Bytes larger than one piece are uploaded ahead and named by the call (ipc/uploads.ts in main).
  const sendable = async (bytes: Uint8Array): Promise<BytesOrUpload> => {
    if (bytes.length <= pieceBytes) return bytes;
    const upload = await invoke(channels.uploadBegin, bytes.length);
    for (let offset = 0; offset < bytes.length; offset += pieceBytes) {
      await invoke(
        channels.uploadPiece,
        upload,
        offset,
        bytes.subarray(offset, offset + pieceBytes),
      );
    }
    return { upload };
  };
  /** `length` bytes at `offset` of a picked file, fetched from main one piece at a time. */
  const readPicked = async (ref: PickedFileRef, offset: number, length: number) => {
    const bytes = new Uint8Array(length);
    for (let done = 0; done < length; done += pieceBytes) {
      const size = Math.min(pieceBytes, length - done);
      const piece = await invoke(channels.readFile, ref.handle, offset + done, size);
      if (piece.length !== size) throw new Error(`读取“${ref.name}”失败：数据不完整，请重试。`);
      bytes.set(piece, done);
    }
    return bytes;
  };
  return {
    kind: 'electron',
    appVersion: () => invoke(channels.appVersion),
    // Main registers what the user picked; the bytes come in pieces, as one IPC message is
    // capped below the size of a large round package.
    openFiles: async (request) => {
      const files: PickedFile[] = [];
      for (const ref of await invoke(channels.openFiles, request)) {
        files.push({ name: ref.name, bytes: await readPicked(ref, 0, ref.size) });
      }
      return files;
    },
    // The same registration in main; the page reads only the pieces it asks for.
    openFileSource: async (request) => {
      const [ref] = await invoke(channels.openFiles, { ...request, multiple: false });
      if (!ref) return null;
      return {
        name: ref.name,
        size: ref.size,
        read: (offset: number, length: number) => readPicked(ref, offset, length),
      };
    },
    saveFile: async (request) =>
      invoke(channels.saveFile, { ...request, bytes: await sendable(request.bytes) }),
    keys: {
      info: () => invoke(channels.keyInfo),
      create: (options?: CreateKeyOptions) => invoke(channels.keyCreate, options),
      unlock: async (passphrase) => {
        await invoke(channels.keyUnlock, passphrase);
      },
      sign: (message) => invoke(channels.keySign, message),
    },
    printToPdf: (request) => invoke(channels.printToPdf, request),
    autoBackup: {
      folder: () => invoke(channels.backupFolder),
      chooseFolder: () => invoke(channels.backupChooseFolder),
      clearFolder: () => done(channels.backupClearFolder),
      write: async (name, bytes) => invoke(channels.backupWrite, name, await sendable(bytes)),
      onCloseRequested: (handler) => {
        // The page's handler is called as a plain function: nothing from IPC reaches it.
        if (typeof handler !== 'function') throw new TypeError('需要一个函数');
        return subscribe(events.backupCloseRequested, () => handler());
      },
      closeAck: () => done(channels.backupCloseAck),
      closeNow: () => done(channels.backupCloseNow),
      closeCancel: () => done(channels.backupCloseCancel),
    },
  } satisfies Platform;
}
