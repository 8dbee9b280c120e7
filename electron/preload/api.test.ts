import { describe, expect, it, vi } from 'vitest';
import { ipcChannels, ipcEvents } from '@shared/ipc/contract';
import { createPlatformApi, typedInvoke, type RawInvoke, type Subscribe } from './api';
import { channels, events } from './channels';

function recordingApi(answer: (channel: string, args: unknown[]) => unknown) {
  const raw = vi.fn<RawInvoke>(async (channel, ...args) => answer(channel, args));
  const listeners = new Map<string, Set<() => void>>();
  const subscribe = vi.fn<Subscribe>((channel, listener) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  });
  const emit = (channel: string) => listeners.get(channel)?.forEach((listener) => listener());
  return { api: createPlatformApi(raw, subscribe), raw, subscribe, emit };
}

describe('preload channels', () => {
  it('lists every contract channel exactly once', () => {
    expect(Object.values(channels).sort()).toEqual([...ipcChannels].sort());
  });

  it('lists every main → renderer message exactly once', () => {
    expect(Object.values(events).sort()).toEqual([...ipcEvents].sort());
  });
});

describe('openFiles', () => {
  const handle = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const files = new Map([
    [handle(1), Uint8Array.from({ length: 10 }, (_, i) => i)],
    [handle(2), Uint8Array.from([42])],
  ]);
  const main = (channel: string, args: unknown[]) => {
    if (channel === 'review:file:open') {
      return {
        ok: true,
        value: [
          { handle: handle(1), name: '评审包.zip', size: 10 },
          { handle: handle(2), name: 'b.xlsx', size: 1 },
        ],
      };
    }
    const [h, offset, length] = args as [string, number, number];
    return { ok: true, value: files.get(h)!.slice(offset, offset + length) };
  };

  it('reads each picked file in pieces and hands over whole bytes', async () => {
    const raw = vi.fn<RawInvoke>(async (channel, ...args) => main(channel, args));
    const api = createPlatformApi(raw, () => () => undefined, 4);
    const picked = await api.openFiles({ title: 'o', filters: [], multiple: true });
    expect(picked.map((f) => [f.name, [...f.bytes]])).toEqual([
      ['评审包.zip', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
      ['b.xlsx', [42]],
    ]);
    const reads = raw.mock.calls.filter(([channel]) => channel === 'review:file:read');
    expect(reads.map((call) => call.slice(1))).toEqual([
      [handle(1), 0, 4],
      [handle(1), 4, 4],
      [handle(1), 8, 2],
      [handle(2), 0, 1],
    ]);
  });

  it('refuses a piece that comes back short, and passes main’s refusal on', async () => {
    const short = vi.fn<RawInvoke>(async (channel, ...args) =>
      channel === 'review:file:read' ? { ok: true, value: new Uint8Array(1) } : main(channel, args),
    );
    await expect(
      createPlatformApi(short, () => () => undefined, 4).openFiles({
        title: 'o',
        filters: [],
        multiple: true,
      }),
    ).rejects.toThrow(/评审包\.zip.*数据不完整/);
    const refused = vi.fn<RawInvoke>(async () => ({
      ok: false,
      error: { code: 'too-large', message: '所选文件合计超过 2048 MiB，无法打开（“a.zip”）。' },
    }));
    await expect(
      createPlatformApi(refused, () => () => undefined).openFiles({
        title: 'o',
        filters: [],
        multiple: false,
      }),
    ).rejects.toMatchObject({ name: 'too-large', message: expect.stringContaining('2048 MiB') });
  });
});

describe('openFileSource', () => {
  const handle = '00000000-0000-4000-8000-000000000007';
  const content = Uint8Array.from({ length: 10 }, (_, i) => i * 3);
  const main = (channel: string, args: unknown[]) => {
    if (channel === 'review:file:open') {
      expect(args[0]).toMatchObject({ multiple: false });
      return { ok: true, value: [{ handle, name: '大评审包.zip', size: 10 }] };
    }
    const [, offset, length] = args as [string, number, number];
    return { ok: true, value: content.slice(offset, offset + length) };
  };

  it('reads only the pieces asked for, each within one IPC message', async () => {
    const raw = vi.fn<RawInvoke>(async (channel, ...args) => main(channel, args));
    const source = await createPlatformApi(raw, () => () => undefined, 4).openFileSource({
      title: 'o',
      filters: [],
    });
    expect(source).toMatchObject({ name: '大评审包.zip', size: 10 });
    // Nothing is read until asked.
    expect(raw.mock.calls.filter(([channel]) => channel === 'review:file:read')).toEqual([]);
    expect([...(await source!.read(3, 6))]).toEqual([9, 12, 15, 18, 21, 24]);
    expect(
      raw.mock.calls.filter(([channel]) => channel === 'review:file:read').map((c) => c.slice(1)),
    ).toEqual([
      [handle, 3, 4],
      [handle, 7, 2],
    ]);
  });

  it('is null when the user cancels, and refuses a short piece', async () => {
    const cancelled = vi.fn<RawInvoke>(async () => ({ ok: true, value: [] }));
    expect(
      await createPlatformApi(cancelled, () => () => undefined).openFileSource({
        title: 'o',
        filters: [],
      }),
    ).toBeNull();
    const short = vi.fn<RawInvoke>(async (channel, ...args) =>
      channel === 'review:file:read' ? { ok: true, value: new Uint8Array(1) } : main(channel, args),
    );
    const source = await createPlatformApi(short, () => () => undefined, 4).openFileSource({
      title: 'o',
      filters: [],
    });
    await expect(source!.read(0, 4)).rejects.toThrow(/大评审包\.zip.*数据不完整/);
  });
});

describe('saving more than one piece', () => {
  const upload = '00000000-0000-4000-8000-000000000009';
  const main = vi.fn<RawInvoke>(async (channel) => {
    if (channel === 'review:upload:begin') return { ok: true, value: upload };
    if (channel === 'review:upload:piece') return { ok: true, value: null };
    if (channel === 'review:backup:write') return { ok: true, value: { location: '/b/x' } };
    return { ok: true, value: { saved: true, location: '/d/a.xlsx' } };
  });

  it('uploads the bytes in order, then names the upload in the save', async () => {
    const api = createPlatformApi(main, () => () => undefined, 4);
    const bytes = Uint8Array.from({ length: 10 }, (_, i) => i);
    const request = { title: 't', suggestedName: 'a.xlsx', filters: [], bytes };
    await expect(api.saveFile(request)).resolves.toEqual({ saved: true, location: '/d/a.xlsx' });
    const calls = main.mock.calls.map(([channel, ...args]) => [
      channel,
      ...args.map((a) => (a instanceof Uint8Array ? [...a] : a)),
    ]);
    expect(calls).toEqual([
      ['review:upload:begin', 10],
      ['review:upload:piece', upload, 0, [0, 1, 2, 3]],
      ['review:upload:piece', upload, 4, [4, 5, 6, 7]],
      ['review:upload:piece', upload, 8, [8, 9]],
      ['review:file:save', { ...request, bytes: { upload } }],
    ]);
  });

  it('sends small bytes in the message itself, for saves and automatic backups alike', async () => {
    main.mockClear();
    const api = createPlatformApi(main, () => () => undefined, 4);
    const bytes = Uint8Array.from([1, 2]);
    await api.autoBackup.write('R1-20261122-010203.rdbackup', bytes);
    expect(main.mock.calls).toEqual([
      ['review:backup:write', 'R1-20261122-010203.rdbackup', bytes],
    ]);
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
        case 'review:file:open':
          return { ok: true, value: [] };
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

  it('sends the automatic backup calls on their channels and resolves the void ones to undefined', async () => {
    const { api, raw } = recordingApi((channel) => {
      switch (channel) {
        case 'review:backup:folder':
        case 'review:backup:choose-folder':
          return { ok: true, value: '/home/u/备份' };
        case 'review:backup:write':
          return { ok: true, value: { location: '/home/u/备份/R1-20261121-020304.rdbackup' } };
        default:
          return { ok: true, value: null };
      }
    });
    const autoBackup = api.autoBackup;
    await expect(autoBackup.folder()).resolves.toBe('/home/u/备份');
    expect(raw).toHaveBeenLastCalledWith('review:backup:folder');
    await expect(autoBackup.chooseFolder()).resolves.toBe('/home/u/备份');
    expect(raw).toHaveBeenLastCalledWith('review:backup:choose-folder');
    await expect(autoBackup.clearFolder()).resolves.toBeUndefined();
    expect(raw).toHaveBeenLastCalledWith('review:backup:clear-folder');

    const bytes = new Uint8Array([7, 7]);
    await expect(autoBackup.write('R1-20261121-020304.rdbackup', bytes)).resolves.toEqual({
      location: '/home/u/备份/R1-20261121-020304.rdbackup',
    });
    expect(raw).toHaveBeenLastCalledWith(
      'review:backup:write',
      'R1-20261121-020304.rdbackup',
      bytes,
    );

    await expect(autoBackup.closeAck()).resolves.toBeUndefined();
    expect(raw).toHaveBeenLastCalledWith('review:backup:close-ack');
    await expect(autoBackup.closeNow()).resolves.toBeUndefined();
    expect(raw).toHaveBeenLastCalledWith('review:backup:close-now');
    await expect(autoBackup.closeCancel()).resolves.toBeUndefined();
    expect(raw).toHaveBeenLastCalledWith('review:backup:close-cancel');
  });

  it('passes a refused backup write on as an Error with main’s message', async () => {
    const { api } = recordingApi(() => ({
      ok: false,
      error: { code: 'backup-folder-missing', message: '自动备份文件夹不存在' },
    }));
    const failure = api.autoBackup.write('R1-20261121-020304.rdbackup', new Uint8Array());
    await expect(failure).rejects.toThrow('自动备份文件夹不存在');
    await expect(failure).rejects.toMatchObject({ name: 'backup-folder-missing' });
  });

  it('calls a close-requested handler with no arguments until it unsubscribes', () => {
    const { api, subscribe, emit } = recordingApi(() => undefined);
    const handler = vi.fn();
    const unsubscribe = api.autoBackup.onCloseRequested(handler);
    expect(subscribe).toHaveBeenCalledWith('review:backup:close-requested', expect.any(Function));
    emit('review:backup:close-requested');
    emit('review:backup:close-requested');
    expect(handler).toHaveBeenCalledTimes(2);
    expect(handler.mock.calls).toEqual([[], []]);
    emit('review:app:version');
    expect(handler).toHaveBeenCalledTimes(2);
    unsubscribe();
    emit('review:backup:close-requested');
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('refuses a handler that is not a function', () => {
    const { api, subscribe } = recordingApi(() => undefined);
    expect(() => api.autoBackup.onCloseRequested('alert(1)' as unknown as () => void)).toThrow(
      TypeError,
    );
    expect(subscribe).not.toHaveBeenCalled();
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
      // @ts-expect-error a backup write needs the name and the bytes
      void invoke('review:backup:write', new Uint8Array());
      void invoke('review:backup:write', 'R1-20261121-020304.rdbackup', new Uint8Array());
    };
    expect(typeChecksOnly).toBeTypeOf('function');
  });
});
