import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../shared/ipc/contract';
import { createPlatformApi, typedInvoke, type RawInvoke } from './api';
import { channels } from './channels';

function recordingApi(answer: (channel: string, args: unknown[]) => unknown) {
  const raw = vi.fn<RawInvoke>(async (channel, ...args) => answer(channel, args));
  return { api: createPlatformApi(raw), raw };
}

describe('preload channels', () => {
  it('lists every contract channel exactly once', () => {
    expect(Object.values(channels).sort()).toEqual([...ipcChannels].sort());
  });
});

describe('createPlatformApi', () => {
  it('is the electron platform', () => {
    expect(recordingApi(() => undefined).api.kind).toBe('electron');
  });

  it('sends each action on its channel with its arguments and unwraps the value', async () => {
    const { api, raw } = recordingApi((channel) => {
      switch (channel) {
        case 'review:app:version':
          return { ok: true, value: '0.1.0' };
        case 'review:key:sign':
          return { ok: true, value: new Uint8Array(64) };
        default:
          return { ok: true, value: { saved: false } };
      }
    });
    await expect(api.appVersion()).resolves.toBe('0.1.0');
    expect(raw).toHaveBeenLastCalledWith('review:app:version');

    const message = new Uint8Array([1, 2]);
    await expect(api.keys.sign(message)).resolves.toHaveLength(64);
    expect(raw).toHaveBeenLastCalledWith('review:key:sign', message);

    const save = { title: 't', suggestedName: 'a.json', filters: [], bytes: new Uint8Array() };
    await expect(api.saveFile(save)).resolves.toEqual({ saved: false });
    expect(raw).toHaveBeenLastCalledWith('review:file:save', save);

    await api.printToPdf({ suggestedName: '签字表.pdf' });
    expect(raw).toHaveBeenLastCalledWith('review:print:pdf', { suggestedName: '签字表.pdf' });

    await api.openFiles({ title: 'o', filters: [], multiple: true });
    expect(raw).toHaveBeenLastCalledWith('review:file:open', {
      title: 'o',
      filters: [],
      multiple: true,
    });

    await api.keys.info();
    expect(raw).toHaveBeenLastCalledWith('review:key:info');
    await api.keys.create();
    expect(raw).toHaveBeenLastCalledWith('review:key:create', undefined);
    await api.keys.create({ passphrase: '口令很长很长的口令' });
    expect(raw).toHaveBeenLastCalledWith('review:key:create', { passphrase: '口令很长很长的口令' });
    await api.keys.unlock('口令很长很长的口令');
    expect(raw).toHaveBeenLastCalledWith('review:key:unlock', '口令很长很长的口令');
  });

  it("throws an Error carrying main's Chinese message and code on failure", async () => {
    const { api } = recordingApi(() => ({
      ok: false,
      error: { code: 'no-key', message: '尚未创建设备密钥，无法签名。' },
    }));
    const failure = api.keys.sign(new Uint8Array([1]));
    await expect(failure).rejects.toThrow('尚未创建设备密钥，无法签名。');
    await expect(failure).rejects.toMatchObject({ name: 'no-key' });
  });

  it('throws on an answer that is not an IpcResult', async () => {
    for (const answer of [undefined, null, '0.1.0', { value: 1 }]) {
      const { api } = recordingApi(() => answer);
      await expect(api.appVersion()).rejects.toThrow(/应答格式不正确/);
    }
  });

  it('checks channels and arguments against the contract at compile time', () => {
    const invoke = typedInvoke(async () => ({ ok: true, value: null }));
    const typeChecksOnly = () => {
      // @ts-expect-error unknown channel
      void invoke('review:shell:exec');
      // @ts-expect-error the version request takes no arguments
      void invoke('review:app:version', 1);
      // @ts-expect-error signing needs bytes, not text
      void invoke('review:key:sign', 'hello');
      void invoke('review:key:sign', new Uint8Array());
    };
    expect(typeChecksOnly).toBeTypeOf('function');
  });
});
