import {
  ipcRequests,
  isIpcChannel,
  type IpcChannel,
  type IpcRequest,
  type IpcResponses,
  type IpcResult,
} from '@shared/ipc/contract';
import { isTrustedAppUrl } from '../trustedUrl';
import { IpcFailure } from './ipcFailure';

export type IpcImpls = {
  [C in IpcChannel]: (...args: IpcRequest<C>) => Promise<IpcResponses[C]>;
};

/** What main knows about who sent a request; filled in from the IPC event by the glue. */
export interface IpcSender {
  /** URL of the sending frame, null when the frame is already gone. */
  frameUrl: string | null;
  /** The sender is the webContents of our one main window (not a devtools or stray view). */
  fromMainWindow: boolean;
  /** The sender is the top frame, not an iframe (an attachment viewer must not call main). */
  fromTopFrame: boolean;
}

function failure(code: string, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

function isTrustedSender(sender: IpcSender): boolean {
  return sender.fromMainWindow && sender.fromTopFrame && isTrustedAppUrl(sender.frameUrl);
}

function invokeImpl<C extends IpcChannel>(
  impls: IpcImpls,
  channel: C,
  args: IpcRequest<C>,
): Promise<IpcResponses[C]> {
  const impl: (...args: IpcRequest<C>) => Promise<IpcResponses[C]> = impls[channel];
  return impl(...args);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The single path every IPC request takes: channel known, sender ours, arguments valid, then the
 * implementation. It never throws, so the renderer always gets an IpcResult it can show.
 */
export async function handleIpc(
  channel: unknown,
  sender: IpcSender,
  args: unknown,
  impls: IpcImpls,
  log: (message: string, error: unknown) => void = () => {},
): Promise<IpcResult<unknown>> {
  if (!isIpcChannel(channel)) {
    return failure('unknown-channel', '未知的请求，已拒绝。');
  }
  if (!isTrustedSender(sender)) {
    return failure('forbidden', '请求并非来自评审台主窗口，已拒绝。');
  }
  const parsed = ipcRequests[channel].safeParse(args);
  if (!parsed.success) {
    return failure('bad-request', '请求参数不合法，已拒绝。');
  }
  try {
    return { ok: true, value: await invokeImpl(impls, channel, parsed.data) };
  } catch (error) {
    if (error instanceof IpcFailure) return failure(error.code, error.message);
    log(`IPC ${channel} failed`, error);
    return failure('failed', `操作未能完成：${describe(error)}`);
  }
}
