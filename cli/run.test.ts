import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { brandRoundPath } from '../test/conformance/fixture';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { buildDemoRound } from '@shared/demo/demoRound';
import { GBK, handZip } from '../test/fixtures/handZip';
import type { CliIo } from './io';
import { run, VERSION } from './run';

const FIXTURE_ZIP = brandRoundPath('round.zip');

/** An in-memory file system; real paths fall through to the fixture on disk. */
function memoryIo(files: Record<string, Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: (path) => {
      if (path in files) return Promise.resolve(files[path]!);
      if (path === FIXTURE_ZIP) return Promise.resolve(new Uint8Array(readFileSync(path)));
      return Promise.reject(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' }));
    },
    writeFile: (path, bytes) => {
      if (path.startsWith('/readonly/')) {
        return Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' }));
      }
      files[path] = bytes;
      return Promise.resolve();
    },
  };
  return { io, files, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** The demo round zipped with 申报书 in GBK and no UTF-8 flag, as Windows Explorer does it. */
function gbkPackage(): Uint8Array {
  const demo = buildDemoRound();
  const enc = new TextEncoder();
  const name = (path: string) => {
    const [before, after] = path.split('申报书');
    return after === undefined
      ? path
      : Uint8Array.from([...enc.encode(before), ...GBK.申报书, ...enc.encode(after)]);
  };
  return handZip([
    { name: 'round.json', data: enc.encode(JSON.stringify(demo.round)) },
    ...demo.packets.map((p) => ({
      name: `packets/${p.id}.json`,
      data: enc.encode(JSON.stringify(p)),
    })),
    ...[...demo.attachments].map(([path, data]) => ({ name: name(path), data })),
  ]);
}

describe('review-desk', () => {
  it('--version prints the package version', async () => {
    const t = memoryIo();
    expect(await run(['--version'], t.io)).toBe(0);
    expect(t.stdout()).toBe(`${VERSION}\n`);
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('--help lists the commands and exit codes', async () => {
    const t = memoryIo();
    expect(await run(['--help'], t.io)).toBe(0);
    expect(t.stdout()).toContain('inspect ROUND.zip');
    expect(t.stdout()).toContain('demo OUT.zip');
  });

  it('no arguments, an unknown command or wrong arity is a usage error (2)', async () => {
    expect(await run([], memoryIo().io)).toBe(2);
    const unknown = memoryIo();
    expect(await run(['compiel'], unknown.io)).toBe(2);
    expect(unknown.stderr()).toContain('未知命令“compiel”');
    expect(await run(['inspect'], memoryIo().io)).toBe(2);
    expect(await run(['inspect', 'a.zip', 'b.zip'], memoryIo().io)).toBe(2);
    expect(await run(['demo'], memoryIo().io)).toBe(2);
  });

  it('demo then inspect: the sample package is valid and summarised', async () => {
    const t = memoryIo();
    expect(await run(['demo', 'demo.zip'], t.io)).toBe(0);
    expect(t.stdout()).toContain('已写入示例评审包 demo.zip');
    expect(await run(['inspect', 'demo.zip'], t.io)).toBe(0);
    const summary = t.stdout();
    expect(summary).toContain('SAMPLE-2026-KP');
    expect(summary).toContain('满分 100 分');
    expect(summary).toMatch(/专家\s+7 位/);
    expect(summary).toMatch(/申报材料\s+84 份/);
    expect(summary).toMatch(/平台载体类\s+21 份，名额 10，备选 1/);
    expect(summary).toMatch(/附件\s+168 个/);
    expect(t.stderr()).toBe('');
  });

  it('demo size options: deterministic packages of the requested shape', async () => {
    const t = memoryIo();
    const args = ['--packets', '40', '--attachments-per-packet', '3', '--attachment-kb', '8'];
    expect(await run(['demo', 'a.zip', ...args], t.io)).toBe(0);
    expect(await run(['demo', ...args, 'b.zip'], t.io)).toBe(0);
    expect(t.files['a.zip']).toEqual(t.files['b.zip']);
    expect(await run(['inspect', 'a.zip'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/申报材料\s+40 份/);
    expect(t.stdout()).toMatch(/附件\s+120 个/);
    const bad = memoryIo();
    expect(await run(['demo', 'c.zip', '--packets', 'many'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('--packets 需要 1–20000 之间的整数');
  });

  it('inspect reads GBK entry names written by Chinese Windows zip tools', async () => {
    const t = memoryIo({ 'gbk.zip': gbkPackage() });
    expect(await run(['inspect', 'gbk.zip'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/附件\s+15 个/);
  });

  it('inspect of the example round package exits 0 with the expected counts', async () => {
    const t = memoryIo();
    expect(await run(['inspect', FIXTURE_ZIP], t.io)).toBe(0);
    expect(t.stdout()).toContain('R2026-BRAND-01');
    expect(t.stdout()).toMatch(/专家\s+7 位/);
    expect(t.stdout()).toMatch(/申报材料\s+25 份/);
    expect(t.stdout()).toMatch(/附件\s+50 个/);
  });

  it('a missing file or a non-ZIP file is unreadable (2)', async () => {
    const missing = memoryIo();
    expect(await run(['inspect', 'nope.zip'], missing.io)).toBe(2);
    expect(missing.stderr()).toContain('文件不存在');
    const garbage = memoryIo({ 'x.zip': strToU8('garbage, not a zip') });
    expect(await run(['inspect', 'x.zip'], garbage.io)).toBe(2);
    expect(garbage.stderr()).toContain('不是 ZIP');
  });

  it('a ZIP with bad content is invalid input (1), each problem as file › field：message', async () => {
    const entries = unzipSync(new Uint8Array(readFileSync(FIXTURE_ZIP)));
    entries['packets/P009.json'] = strToU8('{"id": "P009"}');
    const t = memoryIo({ 'bad.zip': zipSync(entries) });
    expect(await run(['inspect', 'bad.zip'], t.io)).toBe(1);
    expect(t.stderr()).toContain('packets/P009.json › title：');
    expect(t.stdout()).toBe('');
  });

  it('demo reports a write failure as 2', async () => {
    const t = memoryIo();
    expect(await run(['demo', '/readonly/demo.zip'], t.io)).toBe(2);
    expect(t.stderr()).toContain('没有访问权限');
  });
});
