/**
 * Names of the archives written automatically on close: `<round>-<yyyyMMdd>-<HHmmss>.rdbackup`,
 * the time in UTC like the on-demand backup's name, so that sorting names sorts by time. The
 * renderer builds them and main accepts nothing else (it writes into a folder on disk, so a name
 * must never be able to leave that folder or collide with a device name).
 *
 * `<round>` is the round id with every `.` turned into `_`: round ids may contain dots (even
 * `..`), and a dot-free stem can be neither a path component like `..` nor a Windows device name
 * such as `CON.x`. The on-demand name (`<round>-<yyyyMMddHHmm>.rdbackup`) never matches this
 * pattern, so pruning cannot touch an archive the user saved by hand into the same folder.
 */

export const AUTO_BACKUP_EXTENSION = '.rdbackup';

/** At most this many automatic archives per round are kept in the folder; older ones are pruned. */
export const AUTO_BACKUPS_KEPT_PER_ROUND = 10;

const STAMP = String.raw`\d{8}-\d{6}`;
// A round id is at most 64 characters of [A-Za-z0-9._-] starting with a letter or digit.
const AUTO_BACKUP_NAME = new RegExp(
  String.raw`^([A-Za-z0-9][A-Za-z0-9_-]{0,63})-(${STAMP})\.rdbackup$`,
);

const two = (n: number) => String(n).padStart(2, '0');

/** The stem used for a round in archive names (see above). */
export const autoBackupStem = (roundId: string): string => roundId.replace(/\./g, '_');

export function autoBackupName(roundId: string, at: Date): string {
  const date = `${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}`;
  const time = `${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}`;
  return `${autoBackupStem(roundId)}-${date}-${time}${AUTO_BACKUP_EXTENSION}`;
}

export interface ParsedAutoBackupName {
  /** The round's stem (its id with dots as underscores): archives of one round share it. */
  stem: string;
  /** `yyyyMMdd-HHmmss`, UTC; compares like the time it names. */
  stamp: string;
}

/** The parts of an automatic archive's name, or null for any other name. */
export function parseAutoBackupName(name: string): ParsedAutoBackupName | null {
  const match = AUTO_BACKUP_NAME.exec(name);
  if (!match) return null;
  return { stem: match[1]!, stamp: match[2]! };
}

export const isAutoBackupName = (name: string): boolean => parseAutoBackupName(name) !== null;
