/**
 * Writer of round packages: the inverse of readRoundPackage. Used by the demo, the CLI and tests;
 * the central system has its own writer, so this one follows docs/formats.md to the letter.
 */
import { zipSync, type Zippable } from 'fflate';
import type { Packet, Round } from '../model/roundPackage';
import { utf8ToBytes } from '@noble/hashes/utils.js';

export interface RoundPackageContent {
  round: Round;
  packets: Packet[];
  attachments: Map<string, Uint8Array>;
}

/** A fixed timestamp keeps the output byte-for-byte reproducible (same input, same zip). */
const FIXED_MTIME = new Date(2026, 0, 1, 0, 0, 0);

export function writeRoundPackage({
  round,
  packets,
  attachments,
}: RoundPackageContent): Uint8Array {
  const entries: Zippable = {};
  const json = (value: unknown) => utf8ToBytes(`${JSON.stringify(value, null, 1)}\n`);
  entries['round.json'] = [json(round), { level: 6 }];
  for (const packet of packets) entries[`packets/${packet.id}.json`] = [json(packet), { level: 6 }];
  for (const [path, bytes] of [...attachments].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // Images and office files are compressed already: stored. PDFs are deflated, as the central
    // system's example package does (examples/brand-round), so readers meet what they will meet.
    entries[path] = [bytes, { level: /\.(png|jpe?g|gif|webp|zip|docx|xlsx)$/i.test(path) ? 0 : 6 }];
  }
  return zipSync(entries, { mtime: FIXED_MTIME });
}
