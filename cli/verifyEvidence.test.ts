/**
 * `review-desk verify R.xlsx --evidence R.evidence.zip`: the evidence archive beside a signed
 * inspection workbook is checked against the files the signed payload lists. Each tampered
 * archive is made from the exported one at the byte level (fflate and header patching), never
 * by a library re-save of the workbook.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { run } from './run';
import { memoryIo } from '../test/workbook/cliIo';
import { inspectionInput } from '../test/workbook/fieldInputs';
import { writeEvidenceArchive, type EvidenceFile } from '@shared/evidence';
import { crc32 } from '@shared/formats/zip';
import { publicKeyFromSeed } from '@shared/signing/ed25519';
import { encodeBase64 } from '@shared/signing/base64';
import { sha256Hex, shortHash } from '@shared/signing/hash';
import { buildResultWorkbook, seedSigner } from '@shared/workbook';

const SEED = new Uint8Array(32).fill(7);
const PHOTO = 'photos/S02/1.jpg';
const files: EvidenceFile[] = [
  // A fake JPEG: stored (not deflated), like every photo, so its bytes sit in the archive as is.
  {
    path: PHOTO,
    bytes: Uint8Array.from({ length: 600 }, (_, i) => (i * 37) % 256),
    of: { kind: 'finding', id: 'F1' },
  },
  {
    path: 'photos/S02/2.jpg',
    bytes: Uint8Array.from({ length: 400 }, (_, i) => (i * 11) % 256),
    of: { kind: 'site', id: 'S02' },
  },
  {
    path: 'notes/S02.txt',
    bytes: strToU8('实训楼消防通道堆放建材，已拍照。\n'),
    of: { kind: 'site', id: 'S02' },
  },
];

async function exported(withEvidence = true) {
  const base = inspectionInput();
  const archive = writeEvidenceArchive(base.round.id, files);
  const input = { ...base, ...(withEvidence ? { evidence: archive.entries } : {}) };
  const workbook = await buildResultWorkbook(input, seedSigner(SEED));
  const keys = strToU8(
    JSON.stringify({ keys: [{ name: '省厅', publicKey: encodeBase64(publicKeyFromSeed(SEED)) }] }),
  );
  return { workbook, archive: archive.bytes, keys };
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Offsets of every occurrence of `needle` in `bytes`. */
function find(bytes: Uint8Array, needle: Uint8Array): number[] {
  const found: number[] = [];
  for (let i = 0; i + needle.length <= bytes.length; i += 1) {
    if (needle.every((b, j) => bytes[i + j] === b)) found.push(i);
  }
  return found;
}

/**
 * Flips one byte of a stored entry's data; with `fixCrc` also writes the new CRC-32 into the
 * local and central headers, as someone swapping a photo on purpose would.
 */
function flipStoredByte(zip: Uint8Array, name: string, fixCrc: boolean): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const [local, central] = find(out, ascii(name));
  const localHeader = local! - 30;
  expect(view.getUint32(localHeader, true)).toBe(0x04034b50);
  const size = view.getUint32(localHeader + 18, true);
  const dataAt =
    localHeader +
    30 +
    view.getUint16(localHeader + 26, true) +
    view.getUint16(localHeader + 28, true);
  out[dataAt + 10] = out[dataAt + 10]! ^ 0xff;
  if (fixCrc) {
    const crc = crc32(out.subarray(dataAt, dataAt + size));
    view.setUint32(localHeader + 14, crc, true);
    expect(view.getUint32(central! - 46, true)).toBe(0x02014b50);
    view.setUint32(central! - 46 + 16, crc, true);
  }
  return out;
}

/** Renames an entry in both headers (same length), leaving every other byte as it was. */
function renameEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  expect(to.length).toBe(from.length);
  const out = zip.slice();
  const at = find(out, ascii(from));
  expect(at).toHaveLength(2);
  for (const offset of at) out.set(ascii(to), offset);
  return out;
}

async function verify(args: string[], inputs: Record<string, Uint8Array>) {
  const t = memoryIo({ ...inputs });
  const code = await run(['verify', ...args], t.io);
  return { code, out: t.stdout(), err: t.stderr() };
}

describe('review-desk verify --evidence', () => {
  it('exits 0 when the workbook is trusted and the archive holds exactly the signed files', async () => {
    const { workbook, archive, keys } = await exported();
    const r = await verify(['r.xlsx', '--evidence', 'r.evidence.zip', '--trust', 'k.json'], {
      'r.xlsx': workbook,
      'r.evidence.zip': archive,
      'k.json': keys,
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('证据：r.evidence.zip 的 3 个文件');
    expect(r.out).toContain('与签名数据一致');
  });

  it('keeps exit 3 without --trust, and says the evidence matches', async () => {
    const { workbook, archive } = await exported();
    const r = await verify(['r.xlsx', '--evidence', 'e.zip'], {
      'r.xlsx': workbook,
      'e.zip': archive,
    });
    expect(r.code).toBe(3);
    expect(r.out).toContain('与签名数据一致');
  });

  it('without --evidence says the listed evidence was not checked, exit code unchanged', async () => {
    const { workbook, keys } = await exported();
    const trusted = await verify(['r.xlsx', '--trust', 'k.json'], {
      'r.xlsx': workbook,
      'k.json': keys,
    });
    expect(trusted.code).toBe(0);
    expect(trusted.out).toContain('签名数据列出 3 个证据文件');
    expect(trusted.out).toContain('本次未核对');
    const plain = await exported(false);
    const none = await verify(['r.xlsx', '--trust', 'k.json'], {
      'r.xlsx': plain.workbook,
      'k.json': keys,
    });
    expect(none.code).toBe(0);
    expect(none.out).not.toContain('证据');
  });

  it('names a photo whose bytes were swapped (CRC fixed up): expected and found short hashes', async () => {
    const { workbook, archive, keys } = await exported();
    const changed = flipStoredByte(archive, PHOTO, true);
    const r = await verify(['r.xlsx', '--evidence', 'e.zip', '--trust', 'k.json'], {
      'r.xlsx': workbook,
      'e.zip': changed,
      'k.json': keys,
    });
    expect(r.code).toBe(1);
    const photo = unzipSync(changed)[PHOTO]!;
    expect(r.err).toContain(
      `e.zip › ${PHOTO}：内容与签名数据不符（文件被改动）：SHA-256 应为 ${shortHash(sha256Hex(files[0]!.bytes))}，实为 ${shortHash(sha256Hex(photo))}`,
    );
    expect(r.out).toBe('');
  });

  it('names a photo whose bytes were changed without fixing the CRC-32', async () => {
    const { workbook, archive } = await exported();
    const r = await verify(['r.xlsx', '--evidence', 'e.zip'], {
      'r.xlsx': workbook,
      'e.zip': flipStoredByte(archive, PHOTO, false),
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`e.zip › ${PHOTO}`);
    expect(r.err).toContain('校验和不符');
  });

  it('names a missing file and an extra file', async () => {
    const { workbook, archive } = await exported();
    const entries = unzipSync(archive);
    delete entries['notes/S02.txt'];
    const missing = await verify(['r.xlsx', '--evidence', 'e.zip'], {
      'r.xlsx': workbook,
      'e.zip': zipSync(entries),
    });
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('e.zip › notes/S02.txt：签名数据列出这个文件');
    expect(missing.err).toContain('证据包中没有');

    const extra = unzipSync(archive);
    extra['photos/S02/3.jpg'] = files[0]!.bytes.slice();
    const added = await verify(['r.xlsx', '--evidence', 'e.zip'], {
      'r.xlsx': workbook,
      'e.zip': zipSync(extra),
    });
    expect(added.code).toBe(1);
    expect(added.err).toContain('e.zip › photos/S02/3.jpg：签名数据没有列出这个文件（多出的文件）');
  });

  it('refuses a traversal, absolute or duplicate entry name, naming it', async () => {
    const { workbook, archive } = await exported();
    const cases: [string, string, string][] = [
      ['notes/S02.txt', '../es/S02.txt', '跳出评审包目录'],
      ['notes/S02.txt', '/otes/S02.txt', '绝对路径'],
      ['photos/S02/2.jpg', PHOTO, '两个同名条目'],
    ];
    for (const [from, to, message] of cases) {
      const r = await verify(['r.xlsx', '--evidence', 'e.zip'], {
        'r.xlsx': workbook,
        'e.zip': renameEntry(archive, from, to),
      });
      expect(r.code, to).toBe(1);
      expect(r.err).toContain(`e.zip › ${to}：`);
      expect(r.err).toContain(message);
    }
  });

  it('refuses a manifest that disagrees with the signed list', async () => {
    const { workbook, archive } = await exported();
    const entries = unzipSync(archive);
    entries['manifest.json'] = strToU8(
      new TextDecoder().decode(entries['manifest.json']).replace('"roundId":"', '"roundId":"X'),
    );
    const r = await verify(['r.xlsx', '--evidence', 'e.zip'], {
      'r.xlsx': workbook,
      'e.zip': zipSync(entries),
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('e.zip › manifest.json › roundId');
  });

  it('an archive beside a workbook that lists no evidence: every file is extra (1)', async () => {
    const { workbook, archive } = await exported(false);
    const r = await verify(['r.xlsx', '--evidence', 'e.zip'], {
      'r.xlsx': workbook,
      'e.zip': archive,
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('没有列出任何证据文件');
  });

  it('usage errors and unreadable archives exit 2', async () => {
    const { workbook } = await exported();
    const inputs = { 'r.xlsx': workbook, 'bad.zip': strToU8('not a zip') };
    expect((await verify(['r.xlsx', '--evidence'], inputs)).code).toBe(2);
    expect(
      (await verify(['r.xlsx', '--evidence', 'a.zip', '--evidence', 'b.zip'], inputs)).code,
    ).toBe(2);
    const missing = await verify(['r.xlsx', '--evidence', 'none.zip'], inputs);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('无法读取证据包 none.zip');
    const notZip = await verify(['r.xlsx', '--evidence', 'bad.zip'], inputs);
    expect(notZip.code).toBe(2);
    expect(notZip.err).toContain('bad.zip：不是 ZIP 压缩包');
  });
});
