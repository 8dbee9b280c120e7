/**
 * Reader of a round package `NAME.zip` (format `review-desk/round@1`, docs/formats.md).
 * Pure: bytes in, a validated round or a list of located problems out. Nothing is partially
 * accepted: if any problem is found the caller gets only the problems, so a bad package can
 * never change what is already stored.
 */
import { packetSchema, roundSchema, type Packet, type Round } from '../model/roundPackage';
import { parseWith, type InputProblem, type Parsed } from '../model/validation';
import { sha256Hex } from '../signing/hash';
import { parseJsonBytes } from './text';
import {
  DEFAULT_ZIP_LIMITS,
  entryNameProblem,
  formatBytes,
  readZip,
  readZipFrom,
  type ByteSource,
  type LegacyNameDecoder,
  type ReadZipOptions,
  type ZipLimits,
} from './zip';

export interface RoundPackage {
  round: Round;
  /** Sorted by id. */
  packets: Packet[];
  /** Attachment bytes by their `path` inside the package (`attachments/…`), digests verified. */
  attachments: Map<string, Uint8Array>;
}

export interface ReadRoundPackageOptions {
  /** Shown in problems about the archive itself, e.g. the name the user picked. */
  fileName?: string;
  limits?: Partial<ZipLimits>;
  /** Entry names without the UTF-8 flag that are not valid UTF-8 are decoded with this (GBK). */
  decodeLegacyName?: LegacyNameDecoder;
  onProgress?: (progress: RoundPackageProgress) => void;
  /** Each archive entry as soon as it is read (see ReadZipOptions.onEntry: not yet checked). */
  onEntry?: (name: string, data: Uint8Array) => void;
}

/** Unpacking (entries and bytes inflated), then checking packets (done of total). */
export type RoundPackageProgress =
  | { phase: 'unpack'; done: number; total: number; bytesDone: number; bytesTotal: number }
  | { phase: 'check'; done: number; total: number };

const PACKET_FILE = /^packets\/([^/]+)\.json$/;

export function readRoundPackage(
  bytes: Uint8Array,
  options: ReadRoundPackageOptions = {},
): Parsed<RoundPackage> {
  return readCore(bytes, options, null, null);
}

/** An attachment whose SHA-256 is still to be compared, when hashing is left to the caller. */
interface DigestCheck {
  file: string;
  index: number;
  name: string;
  expected: string;
  data: Uint8Array;
  /** Started when the entry was read, for an entry handed over (`takeEntry`). */
  digest?: Promise<string>;
}

/** Entries handed over to the caller, by the (now possibly detached) array the reader kept. */
type TakenEntries = Map<Uint8Array, { size: number; digest: Promise<string> }>;

/**
 * The same reader, with attachment digests computed by `sha256Hex` (e.g. WebCrypto's native
 * digest in the import worker, several times faster than hashing in JavaScript) and all of them
 * in flight at once. Same checks, same messages as readRoundPackage. `input` may be a source
 * read in windows (readZipFrom), so that a package of gigabytes is never in memory whole.
 */
export async function readRoundPackageAsync(
  input: Uint8Array | ByteSource,
  options: ReadRoundPackageOptions & {
    sha256Hex: (data: Uint8Array) => Promise<string>;
    /**
     * Each entry that is not JSON (so not round.json or a packet), as soon as it is inflated and
     * its CRC-32 is right, after its SHA-256 has been started (`sha256Hex` must take its copy of
     * the bytes before returning, as WebCrypto's digest does). The reader does not read those
     * bytes again, so the caller may transfer them away: the import worker sends them to the page
     * without keeping a copy. Size and digest are still checked; in the result such an entry's
     * array may be empty (detached). Replaces `onEntry` for those entries.
     */
    takeEntry?: (name: string, data: Uint8Array) => void;
  },
): Promise<Parsed<RoundPackage>> {
  const deferred: DigestCheck[] = [];
  const taken: TakenEntries = new Map();
  const { takeEntry } = options;
  const onEntry = takeEntry
    ? (name: string, data: Uint8Array) => {
        if (name.endsWith('.json')) return options.onEntry?.(name, data);
        const digest = options.sha256Hex(data);
        // Awaited only if a packet refers to the entry: a failure elsewhere is not unhandled.
        digest.catch(() => undefined);
        taken.set(data, { size: data.length, digest });
        takeEntry(name, data);
      }
    : options.onEntry;
  const withEntries = { ...options, ...(onEntry ? { onEntry } : {}) };
  const result =
    input instanceof Uint8Array
      ? readCore(input, withEntries, deferred, taken)
      : await readCoreFrom(input, withEntries, deferred, taken);
  const digests = await Promise.all(
    deferred.map((check) => check.digest ?? options.sha256Hex(check.data)),
  );
  const digestProblems = deferred
    .filter((check, i) => digests[i] !== check.expected)
    .map((check) => digestProblem(check.file, check.index, check.name));
  if (digestProblems.length === 0) return result;
  return { ok: false, problems: [...(result.ok ? [] : result.problems), ...digestProblems] };
}

function digestProblem(file: string, index: number, name: string): InputProblem {
  return {
    file,
    field: `attachments[${index}].sha256`,
    message: `附件“${name}”的 SHA-256 校验值不符，附件可能被替换或损坏；请重新获取评审包`,
  };
}

function readCore(
  bytes: Uint8Array,
  options: ReadRoundPackageOptions,
  deferred: DigestCheck[] | null,
  taken: TakenEntries | null,
): Parsed<RoundPackage> {
  const zipName = options.fileName ?? 'round.zip';
  if (bytes.length === 0) return emptyFile(zipName);
  const zip = readZip(bytes, zipName, zipOptions(options));
  if (!zip.ok) return zip;
  return interpret(zip.value, zipName, options, deferred, taken);
}

/** readCore over a source read in windows (readZipFrom): the archive is never held whole. */
async function readCoreFrom(
  source: ByteSource,
  options: ReadRoundPackageOptions,
  deferred: DigestCheck[],
  taken: TakenEntries,
): Promise<Parsed<RoundPackage>> {
  const zipName = options.fileName ?? 'round.zip';
  if (source.size === 0) return emptyFile(zipName);
  const zip = await readZipFrom(source, zipName, zipOptions(options));
  if (!zip.ok) return zip;
  return interpret(zip.value, zipName, options, deferred, taken);
}

function emptyFile(zipName: string): Parsed<never> {
  return {
    ok: false,
    problems: [
      { file: zipName, field: '', message: '文件是空的（0 字节），请重新下载或复制评审包' },
    ],
  };
}

function zipOptions(options: ReadRoundPackageOptions): ReadZipOptions {
  const progress = options.onProgress;
  return {
    limits: { ...DEFAULT_ZIP_LIMITS, ...options.limits },
    ...(options.decodeLegacyName ? { decodeLegacyName: options.decodeLegacyName } : {}),
    ...(options.onEntry ? { onEntry: options.onEntry } : {}),
    ...(progress
      ? {
          onProgress: (p) =>
            progress({
              phase: 'unpack',
              done: p.entriesDone,
              total: p.entriesTotal,
              bytesDone: p.bytesDone,
              bytesTotal: p.bytesTotal,
            }),
        }
      : {}),
  };
}

/** The package's files, as read from the archive, checked and turned into a round. */
function interpret(
  entries: Map<string, Uint8Array>,
  zipName: string,
  options: ReadRoundPackageOptions,
  deferred: DigestCheck[] | null,
  taken: TakenEntries | null,
): Parsed<RoundPackage> {
  const progress = options.onProgress;
  const files = stripWrapperFolder(entries);
  const problems: InputProblem[] = [];

  const roundBytes = files.get('round.json');
  let round: Round | undefined;
  if (!roundBytes) {
    problems.push({
      file: zipName,
      field: '',
      message: '这个文件里没有评审的基本信息，可能不是评审包：请确认打开的是省厅系统下发的评审包',
      detail: '压缩包中没有 round.json',
    });
  } else {
    const json = parseJsonBytes(roundBytes, 'round.json');
    if (!json.ok) problems.push(json.problem);
    else {
      const parsed = parseWith(roundSchema, json.value, 'round.json');
      if (parsed.ok) round = parsed.value;
      else problems.push(...parsed.problems);
    }
  }

  const packets: Packet[] = [];
  const packetFileById = new Map<string, string>();
  const packetFiles = [...files.keys()].filter((name) => PACKET_FILE.test(name)).sort();
  let checked = 0;
  for (const name of packetFiles) {
    checked++;
    if (progress && (checked % 100 === 0 || checked === packetFiles.length)) {
      progress({ phase: 'check', done: checked, total: packetFiles.length });
    }
    const json = parseJsonBytes(files.get(name)!, name);
    if (!json.ok) {
      problems.push(json.problem);
      continue;
    }
    const parsed = parseWith(packetSchema, json.value, name);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const packet = parsed.value;
    const earlier = packetFileById.get(packet.id);
    if (earlier) {
      problems.push({
        file: name,
        field: 'id',
        message: `编号“${packet.id}”与 ${earlier} 重复；每个项目的编号必须唯一，请删除重复的文件或改正编号`,
      });
      continue;
    }
    packetFileById.set(packet.id, name);
    if (name !== `packets/${packet.id}.json`) {
      // The contract names each file after its packet; a mismatch means a hand-edited package.
      problems.push({
        file: name,
        field: 'id',
        message: `文件名应为 packets/${packet.id}.json，与编号“${packet.id}”一致`,
      });
    }
    problems.push(...checkAttachments(packet, name, files, deferred, taken));
    packets.push(packet);
  }
  if (packetFiles.length === 0) {
    problems.push({
      file: zipName,
      field: '',
      message: '评审包中没有申报材料：请向省厅索取完整的评审包',
      detail: '压缩包的 packets/ 目录下没有 .json 文件',
    });
  }

  if (problems.length > 0 || !round) return { ok: false, problems };
  const attachments = new Map<string, Uint8Array>();
  for (const packet of packets) {
    for (const ref of packet.attachments) attachments.set(ref.path, files.get(ref.path)!);
  }
  packets.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ok: true, value: { round, packets, attachments } };
}

function checkAttachments(
  packet: Packet,
  file: string,
  files: Map<string, Uint8Array>,
  deferred: DigestCheck[] | null,
  taken: TakenEntries | null,
): InputProblem[] {
  const problems: InputProblem[] = [];
  packet.attachments.forEach((ref, i) => {
    const field = `attachments[${i}].path`;
    const nameProblem = entryNameProblem(ref.path);
    if (nameProblem || !ref.path.startsWith('attachments/')) {
      problems.push({
        file,
        field,
        message: `附件路径“${ref.path}”无效：必须位于 attachments/ 目录下`,
      });
      return;
    }
    const data = files.get(ref.path);
    if (!data) {
      problems.push({
        file,
        field,
        message: `评审包中找不到附件“${ref.path}”；请把该文件放入评审包，或从 attachments 中删去这一项`,
      });
      return;
    }
    const handedOver = taken?.get(data);
    if ((handedOver ? handedOver.size : data.length) !== ref.size) {
      problems.push({
        file,
        field: `attachments[${i}].size`,
        message: `附件“${ref.name}”大小不符：登记为 ${formatBytes(ref.size)}，实际为 ${formatBytes(handedOver ? handedOver.size : data.length)}；附件可能被替换，请重新获取评审包`,
      });
      return;
    }
    if (deferred) {
      const check: DigestCheck = { file, index: i, name: ref.name, expected: ref.sha256, data };
      if (handedOver) check.digest = handedOver.digest;
      deferred.push(check);
    } else if (sha256Hex(data) !== ref.sha256) problems.push(digestProblem(file, i, ref.name));
  });
  return problems;
}

/**
 * People often zip the folder rather than its contents (`R2026/round.json`). When round.json is
 * not at the top but sits in exactly one top-level folder, read from inside that folder.
 */
function stripWrapperFolder(files: Map<string, Uint8Array>): Map<string, Uint8Array> {
  if (files.has('round.json')) return files;
  const candidates = [...files.keys()].filter((name) => /^[^/]+\/round\.json$/.test(name));
  if (candidates.length !== 1) return files;
  const prefix = candidates[0]!.slice(0, -'round.json'.length);
  const inner = new Map<string, Uint8Array>();
  for (const [name, data] of files) {
    if (name.startsWith(prefix)) inner.set(name.slice(prefix.length), data);
  }
  return inner;
}
