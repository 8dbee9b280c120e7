import { describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '@shared/ipc/contract';
import { handleIpc, type IpcImpls, type IpcSender } from './dispatch';
import { IpcFailure } from './ipcFailure';

const trusted: IpcSender = {
  frameUrl: 'app://review-desk/index.html#/rounds',
  fromMainWindow: true,
  fromTopFrame: true,
};

function fakeImpls(overrides: Partial<IpcImpls> = {}): IpcImpls {
  const unused = async (): Promise<never> => {
    throw new Error('not expected in this test');
  };
  return {
    'review:app:version': async () => '0.1.0',
    'review:file:open': unused,
    'review:file:read': async (_handle, _offset, length) => new Uint8Array(length),
    'review:file:save': async () => ({ saved: true, location: '/home/u/Documents/a.json' }),
    'review:key:info': async () => null,
    'review:key:create': unused,
    'review:key:unlock': unused,
    'review:key:sign': async (message) => new Uint8Array(64).fill(message.length),
    'review:print:pdf': unused,
    'review:backup:folder': async () => null,
    'review:backup:choose-folder': unused,
    'review:backup:clear-folder': unused,
    'review:backup:write': async (name) => ({ location: `/home/u/备份/${name}` }),
    'review:backup:close-ack': async () => null,
    'review:backup:close-now': async () => null,
    'review:backup:close-cancel': async () => null,
    'review:upload:begin': async () => '00000000-0000-4000-8000-000000000009',
    'review:upload:piece': async () => null,
    ...overrides,
  };
}

function errorOf(result: IpcResult<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('handleIpc', () => {
  it('answers a valid request from the main window', async () => {
    await expect(handleIpc('review:app:version', trusted, [], fakeImpls())).resolves.toEqual({
      ok: true,
      value: '0.1.0',
    });
  });

  it('passes parsed arguments to the implementation', async () => {
    const save = vi.fn<IpcImpls['review:file:save']>(async () => ({ saved: false }));
    const request = {
      title: '保存评分',
      suggestedName: 'scores.json',
      filters: [{ name: 'JSON', extensions: ['json'] }],
      bytes: new Uint8Array([1, 2, 3]),
    };
    const result = await handleIpc(
      'review:file:save',
      trusted,
      [request],
      fakeImpls({ 'review:file:save': save }),
    );
    expect(result).toEqual({ ok: true, value: { saved: false } });
    expect(save).toHaveBeenCalledWith(request);
  });

  it.each(['review:shell:exec', 'constructor', '__proto__', 'toString', '', 42, null])(
    'refuses the unknown channel %s',
    async (channel) => {
      const error = errorOf(await handleIpc(channel, trusted, [], fakeImpls()));
      expect(error.code).toBe('unknown-channel');
    },
  );

  it.each<[string, IpcSender]>([
    ['another origin', { ...trusted, frameUrl: 'https://evil.example/' }],
    ['a look-alike origin', { ...trusted, frameUrl: 'app://review-desk.evil/index.html' }],
    ['a file page', { ...trusted, frameUrl: 'file:///tmp/index.html' }],
    ['a destroyed frame', { ...trusted, frameUrl: null }],
    ['another webContents', { ...trusted, fromMainWindow: false }],
    ['an iframe', { ...trusted, fromTopFrame: false }],
  ])('refuses a request from %s without calling the implementation', async (_label, sender) => {
    const version = vi.fn(async () => '0.1.0');
    const error = errorOf(
      await handleIpc(
        'review:app:version',
        sender,
        [],
        fakeImpls({ 'review:app:version': version }),
      ),
    );
    expect(error.code).toBe('forbidden');
    expect(version).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['extra arguments', ['surprise']],
    ['not an argument list', 'review'],
    ['a number instead of bytes', [42]],
    ['a plain array instead of bytes', [[1, 2, 3]]],
  ])('refuses %s with bad-request', async (_label, args) => {
    const sign = vi.fn(async () => new Uint8Array(64));
    const error = errorOf(
      await handleIpc('review:key:sign', trusted, args, fakeImpls({ 'review:key:sign': sign })),
    );
    expect(error).toEqual({
      code: 'bad-request',
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
    });
    expect(sign).not.toHaveBeenCalled();
  });

  it.each([
    ['not a handle', 0, 10],
    ['00000000-0000-4000-8000-000000000001', -1, 10],
    ['00000000-0000-4000-8000-000000000001', 0, 0],
    ['00000000-0000-4000-8000-000000000001', 0, 64 * 1024 * 1024 + 1],
  ])('refuses a read of a picked file with handle %j at %j for %j bytes', async (...args) => {
    const read = vi.fn<IpcImpls['review:file:read']>(async () => new Uint8Array());
    const error = errorOf(
      await handleIpc('review:file:read', trusted, args, fakeImpls({ 'review:file:read': read })),
    );
    expect(error.code).toBe('bad-request');
    expect(read).not.toHaveBeenCalled();
  });

  it('refuses an upload of no size or over the limit, and a save naming no valid upload', async () => {
    for (const size of [0, 1024 * 1024 * 1024 + 1]) {
      const error = errorOf(await handleIpc('review:upload:begin', trusted, [size], fakeImpls()));
      expect(error.code).toBe('bad-request');
    }
    const save = { title: 't', suggestedName: 'a.json', filters: [], bytes: { upload: 'x' } };
    expect(errorOf(await handleIpc('review:file:save', trusted, [save], fakeImpls())).code).toBe(
      'bad-request',
    );
  });

  it('refuses a save whose name would leave the chosen folder', async () => {
    const request = {
      title: 't',
      suggestedName: '../../.bashrc',
      filters: [],
      bytes: new Uint8Array(),
    };
    const error = errorOf(await handleIpc('review:file:save', trusted, [request], fakeImpls()));
    expect(error.code).toBe('bad-request');
  });

  it.each([
    '../R1-20261121-020304.rdbackup',
    'R1-20261121-020304.rdbackup/../../x',
    'a..b-20261121-020304.rdbackup',
    'R1-202611210203.rdbackup',
    'R1-20261121-020304.exe',
    '',
  ])('refuses the automatic backup name %j without calling the implementation', async (name) => {
    const write = vi.fn<IpcImpls['review:backup:write']>(async () => ({ location: '' }));
    const error = errorOf(
      await handleIpc(
        'review:backup:write',
        trusted,
        [name, new Uint8Array([1])],
        fakeImpls({ 'review:backup:write': write }),
      ),
    );
    expect(error.code).toBe('bad-request');
    expect(write).not.toHaveBeenCalled();
  });

  it('passes a valid automatic backup write to the implementation', async () => {
    const bytes = new Uint8Array([1]);
    const write = vi.fn<IpcImpls['review:backup:write']>(async () => ({ location: '/b/x' }));
    const result = await handleIpc(
      'review:backup:write',
      trusted,
      ['DEMO-2026-01-20261121-020304.rdbackup', bytes],
      fakeImpls({ 'review:backup:write': write }),
    );
    expect(result).toEqual({ ok: true, value: { location: '/b/x' } });
    expect(write).toHaveBeenCalledWith('DEMO-2026-01-20261121-020304.rdbackup', bytes);
  });

  it('passes an expected failure through with its code and message', async () => {
    const impls = fakeImpls({
      'review:key:sign': async () => {
        throw new IpcFailure('no-key', '尚未创建设备密钥，无法签名。');
      },
    });
    const error = errorOf(
      await handleIpc('review:key:sign', trusted, [new Uint8Array([1])], impls),
    );
    expect(error).toEqual({ code: 'no-key', message: '尚未创建设备密钥，无法签名。' });
  });

  it('wraps an unexpected error as failed, in Chinese, and logs it', async () => {
    const log = vi.fn();
    const impls = fakeImpls({
      'review:key:info': async () => {
        throw new Error('EACCES: permission denied');
      },
    });
    const error = errorOf(await handleIpc('review:key:info', trusted, [], impls, log));
    expect(error.code).toBe('failed');
    expect(error.message).toMatch(/^操作未能完成/);
    expect(error.message).toContain('EACCES');
    expect(log).toHaveBeenCalledOnce();
  });

  it('never rejects, even when the implementation throws a non-Error', async () => {
    const impls = fakeImpls({
      'review:app:version': () => Promise.reject('boom'),
    });
    const result = await handleIpc('review:app:version', trusted, [], impls);
    expect(errorOf(result).code).toBe('failed');
  });
});
