/**
 * `npm start`: runs the desktop app with the Electron binary, as `electron .` does.
 *
 * The `electron` npm package does not ship its binary: it downloads it the first time it is used
 * and keeps it in node_modules/electron/dist (named in path.txt). This script makes that first
 * download itself, so that where it fails (no internet) the user reads two plain lines and the way
 * out (`npm run web`), not the installer's stack trace; and it exits non-zero.
 *
 *   node scripts/start.mjs --ensure-binary   fetch the binary if it is missing, then exit
 *   node scripts/start.mjs [ARGS…]            start the app in this folder (`electron . ARGS…`)
 *
 * Plain JavaScript on purpose: it runs with the Node that runs npm, before anything is built.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

/**
 * The binary the package's index.js would return without downloading, or null when it would
 * start a download (the same checks, in the same order: path.txt, the override, dist/).
 */
function installedBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf-8') : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return path.join(override, executable || 'electron');
  if (!executable) return null;
  const binary = path.join(electronDir, 'dist', executable);
  return existsSync(binary) ? binary : null;
}

/** The installer's error in a few plain words ("fetch failed"), without its stack. */
function reasonFrom(installerOutput) {
  const line = installerOutput.split('\n').find((text) => /^\w*Error\b/.test(text.trim())) ?? '';
  const message = line
    .trim()
    .replace(/^\w*Error:\s*/, '')
    .replace(/[^\x20-\x7e\u00a0-\uffff]/g, '');
  return message.length > 160 ? `${message.slice(0, 160)}…` : message;
}

/** Runs the package's own installer (what index.js runs); true when the binary is there after. */
function fetchBinary() {
  process.stderr.write(
    '首次启动需要 Electron 程序：正在从互联网下载（只需一次，约 100 MB，之后离线可用）…\n',
  );
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status === 0 && installedBinary() !== null) return true;
  const reason = reasonFrom(`${result.stderr ?? ''}\n${result.error?.message ?? ''}`);
  process.stderr.write(
    `下载失败${reason ? `（${reason}）` : ''}，桌面版无法启动。没有网络时，用 npm run web 在浏览器中运行同一个应用。\n`,
  );
  return false;
}

/** Starts Electron on this folder and ends as it ends, like the package's cli.js. */
function launch(args) {
  // The package's own lookup, exactly as `electron .` gets its binary.
  const binary = require('electron');
  const child = spawn(binary, ['.', ...args], {
    cwd: projectRoot,
    stdio: 'inherit',
    windowsHide: false,
  });
  let closed = false;
  child.on('error', (error) => {
    process.stderr.write(`无法启动 Electron（${binary}）：${error.message}\n`);
    process.exit(1);
  });
  child.on('close', (code, signal) => {
    closed = true;
    if (code === null) {
      process.stderr.write(`Electron 被信号 ${signal} 结束。\n`);
      process.exit(1);
    }
    process.exit(code);
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGUSR2']) {
    process.on(signal, () => {
      if (!closed) child.kill(signal);
    });
  }
}

const [first, ...rest] = process.argv.slice(2);
if (installedBinary() === null && !fetchBinary()) process.exit(1);
if (first !== '--ensure-binary') launch(first === undefined ? [] : [first, ...rest]);
