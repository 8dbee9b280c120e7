/** Round packages for the browser scenarios, written by `review-desk demo` (run in-process). */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { run } from '../../cli/run';
import type { CliIo } from '../../cli/io';

const io: CliIo = {
  stdout: (text) => process.stdout.write(`  ${text}`),
  stderr: (text) => process.stderr.write(text),
  readFile: async (path) => new Uint8Array(readFileSync(path)),
  writeFile: async (path, bytes) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  },
};

export async function writeDemoPackage(
  file: string,
  packets: number,
  attachmentsPerPacket: number,
  attachmentKb: number,
): Promise<number> {
  const code = await run(
    [
      'demo',
      file,
      '--packets',
      String(packets),
      '--attachments-per-packet',
      String(attachmentsPerPacket),
      '--attachment-kb',
      String(attachmentKb),
    ],
    io,
  );
  if (code !== 0) throw new Error(`review-desk demo exited ${code}`);
  return statSync(file).size;
}
