import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start` (scripts/start.mjs): where the Electron binary cannot be fetched it says so in two
// plain lines and exits non-zero; where it can, it starts the binary as `electron .` does.

const repoRoot = path.resolve(import.meta.dirname, '../..');
const realElectron = path.join(repoRoot, 'node_modules', 'electron');
const temps: string[] = [];

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'review-desk-start-'));
  temps.push(dir);
  return dir;
}

/** The environment without any Electron download setting of the user's or npm's. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(electron_|npm_config_electron_|npm_package_config_electron_)/i.test(name),
    ),
  );
  return { ...env, ...extra };
}

/** Runs a copy of the start script; several run at once, so the suite takes about one run. */
function run(script: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [script, ...args], { env, timeout: 30_000 });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ status: number | null; output: string }>((resolve) =>
    child.on('close', (status) => resolve({ status, output })),
  );
}

function expectTwoPlainLines(output: string) {
  const lines = output.trimEnd().split('\n');
  expect(lines, output).toHaveLength(2);
  expect(lines[0]).toContain('从互联网下载（只需一次');
  expect(lines[1]).toContain('用 npm run web 在浏览器中运行同一个应用');
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain('Electron failed to install correctly');
}

const realBinaryInstalled = (() => {
  const pathFile = path.join(realElectron, 'path.txt');
  return (
    existsSync(pathFile) &&
    existsSync(path.join(realElectron, 'dist', readFileSync(pathFile, 'utf8')))
  );
})();

describe.skipIf(realBinaryInstalled)(
  'npm start where the Electron binary cannot be fetched',
  () => {
    // The real package and installer; the download goes to a closed local port, never the internet.
    const offline = () =>
      cleanEnv({
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: tempDir(),
      });

    it('says it in two lines and exits non-zero', async () => {
      const { status, output } = await run(
        path.join(repoRoot, 'scripts', 'start.mjs'),
        [],
        offline(),
      );
      expect(status).toBe(1);
      expectTwoPlainLines(output);
      expect(output).toContain('（fetch failed）');
    });
  },
);

/**
 * A project folder with this start script and an `electron` package whose index.js is the real
 * one and whose installer is a stand-in: it fails as the real one does offline, or "downloads"
 * a shell script as the binary.
 */
function fakeProject(installer: 'fails' | 'installs', binary = '') {
  const root = tempDir();
  const electron = path.join(root, 'node_modules', 'electron');
  mkdirSync(path.join(root, 'scripts'));
  mkdirSync(electron, { recursive: true });
  copyFileSync(
    path.join(repoRoot, 'scripts', 'start.mjs'),
    path.join(root, 'scripts', 'start.mjs'),
  );
  copyFileSync(path.join(realElectron, 'index.js'), path.join(electron, 'index.js'));
  writeFileSync(
    path.join(electron, 'package.json'),
    JSON.stringify({ name: 'electron', version: '45.4.1', main: 'index.js' }),
  );
  const install =
    installer === 'fails'
      ? `console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:1:1');
         process.exit(1);`
      : `const fs = require('fs');
         const path = require('path');
         fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
         fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), ${JSON.stringify(binary)}, { mode: 0o755 });
         fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`;
  writeFileSync(path.join(electron, 'install.js'), install);
  return { root, script: path.join(root, 'scripts', 'start.mjs') };
}

describe.skipIf(process.platform === 'win32')('npm start with a stand-in Electron package', () => {
  it.concurrent(
    'says the same two lines when the installer fails, and starts nothing',
    async () => {
      const { script } = fakeProject('fails');
      const { status, output } = await run(script, ['--ensure-binary'], cleanEnv({}));
      expect(status).toBe(1);
      expectTwoPlainLines(output);
      expect(output).toContain('（fetch failed）');
    },
  );

  it.concurrent(
    'fetches the binary once, then runs it on the project folder and ends with its exit code',
    async () => {
      const { root, script } = fakeProject('installs', '#!/bin/sh\necho "args: $*"\npwd\nexit 7\n');
      const first = await run(script, ['--ensure-binary'], cleanEnv({}));
      expect(first.status).toBe(0);
      expect(first.output).toContain('正在从互联网下载');
      const second = await run(script, ['--inspect-none'], cleanEnv({}));
      expect(second.status).toBe(7);
      expect(second.output).toBe(`args: . --inspect-none\n${root}\n`);
    },
  );

  it.concurrent('passes a termination signal on to Electron and ends as it ends', async () => {
    const { script } = fakeProject(
      'installs',
      '#!/bin/sh\ntrap \'echo "got TERM"; exit 3\' TERM\necho started\nwhile :; do sleep 0.05; done\n',
    );
    const child = spawn(process.execPath, [script], { env: cleanEnv({}) });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('started')) resolve();
      }),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(3);
    expect(output).toContain('got TERM');
  });
});
