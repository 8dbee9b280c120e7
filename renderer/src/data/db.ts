import Dexie, { type EntityTable } from 'dexie';
import type {
  AssignmentRow,
  AttachmentRow,
  AuditRow,
  ChairDecisionRow,
  CheckInRow,
  AdjustmentRow,
  ConfirmationRow,
  ConflictRow,
  FindingRow,
  OpinionRow,
  DissentRow,
  ExchangeConflictRow,
  ExpertKeyRow,
  ExpertRow,
  PacketFlagRow,
  PacketRow,
  PinRow,
  RoundRow,
  RouteSiteRow,
  SettingRow,
  SettlementRow,
  SheetRow,
  SitePhotoRow,
} from './rows';
import { CURRENT_SCHEMA_VERSION, schemaVersions } from './schema';
import { upgradeToV2 } from './migrations/v2';
import { upgradeToV3 } from './migrations/v3';
import { upgradeToV5 } from './migrations/v5';

export const DEFAULT_DB_NAME = 'review-desk';

const upgrades: Record<number, Parameters<ReturnType<Dexie['version']>['upgrade']>[0]> = {
  2: upgradeToV2,
  3: upgradeToV3,
  5: upgradeToV5,
};

export class ReviewDeskDb extends Dexie {
  rounds!: EntityTable<RoundRow, 'id'>;
  packets!: EntityTable<PacketRow, 'key'>;
  attachments!: EntityTable<AttachmentRow, 'key'>;
  experts!: EntityTable<ExpertRow, 'key'>;
  assignments!: EntityTable<AssignmentRow, 'key'>;
  sheets!: EntityTable<SheetRow, 'key'>;
  conflicts!: EntityTable<ConflictRow, 'key'>;
  audit!: EntityTable<AuditRow, 'seq'>;
  settings!: EntityTable<SettingRow, 'key'>;
  pins!: EntityTable<PinRow, 'key'>;
  expertKeys!: EntityTable<ExpertKeyRow, 'key'>;
  exchangeConflicts!: EntityTable<ExchangeConflictRow, 'key'>;
  packetFlags!: EntityTable<PacketFlagRow, 'key'>;
  chairDecisions!: EntityTable<ChairDecisionRow, 'key'>;
  settlements!: EntityTable<SettlementRow, 'key'>;
  dissents!: EntityTable<DissentRow, 'key'>;
  confirmations!: EntityTable<ConfirmationRow, 'key'>;
  routeSites!: EntityTable<RouteSiteRow, 'key'>;
  sitePhotos!: EntityTable<SitePhotoRow, 'id'>;
  findings!: EntityTable<FindingRow, 'id'>;
  adjustments!: EntityTable<AdjustmentRow, 'id'>;
  checkIns!: EntityTable<CheckInRow, 'key'>;
  opinions!: EntityTable<OpinionRow, 'key'>;

  /** `upTo` exists for migration tests, which build a database as an older app left it. */
  constructor(
    name = DEFAULT_DB_NAME,
    options: { upTo?: number; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  ) {
    super(name, {
      // A save acknowledged on screen must be on disk, not in an OS write cache.
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB
        ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange }
        : {}),
    });
    const upTo = options.upTo ?? CURRENT_SCHEMA_VERSION;
    for (const { version, stores } of schemaVersions) {
      if (version > upTo) break;
      const declared = this.version(version).stores(stores);
      const upgrade = upgrades[version];
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

export class DatabaseFromTheFutureError extends Error {
  constructor(readonly found: number) {
    super(
      `这台电脑上的评审数据由更新版本的评审台创建（数据版本 ${found}，本程序支持到 ${CURRENT_SCHEMA_VERSION}）。` +
        '请安装最新版本的评审台后再打开；为保护数据，本程序不会修改它。',
    );
    this.name = 'DatabaseFromTheFutureError';
  }
}

/**
 * Open the database, refusing one written by a newer app. Dexie 4 would open such a database and
 * quietly add its own tables to it, so the version on disk is read first without changing
 * anything: from indexedDB.databases() where there is one (no connection, a few milliseconds at
 * start-up), otherwise by a probe in dynamic mode (no schema declared).
 */
export async function openDatabase(
  name = DEFAULT_DB_NAME,
  factory?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange },
): Promise<ReviewDeskDb> {
  try {
    return await openOnce(name, factory);
  } catch (error) {
    if (!isCorruptBackingStore(error)) throw error;
    return openOnce(name, factory);
  }
}

async function openOnce(
  name: string,
  factory?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange },
): Promise<ReviewDeskDb> {
  const dependencies = factory ?? {};
  const found = await schemaVersionOnDisk(name, factory?.indexedDB);
  if (found !== null && found > CURRENT_SCHEMA_VERSION) throw new DatabaseFromTheFutureError(found);
  const db = new ReviewDeskDb(name, dependencies);
  try {
    await db.open();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Chromium answers the first request to a database it finds corrupt (a LevelDB checksum mismatch
 * a crash can leave) with “UnknownError: Internal error opening backing store” (here it is
 * indexedDB.databases() that meets it), and has deleted the database by the next one: its data
 * is gone either way (measured with Chromium 150 in test/e2e/lostDatabase.spec.ts). So try once
 * more, and the app starts empty, where LostDatabaseNotice says what was lost and where the
 * backup is; a start-up error would offer only “reload”, which does the same without a word.
 */
export function isCorruptBackingStore(error: unknown): boolean {
  const inner = (error as { inner?: unknown } | null)?.inner ?? error;
  const { name, message } = (inner ?? {}) as { name?: unknown; message?: unknown };
  return name === 'UnknownError' && typeof message === 'string' && /backing store/i.test(message);
}

/** Dexie's version of the database `name` on disk, or null when there is none. */
async function schemaVersionOnDisk(name: string, idb?: IDBFactory): Promise<number | null> {
  const factory = idb ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  if (factory && typeof factory.databases === 'function') {
    const entry = (await factory.databases()).find((d) => d.name === name);
    // Dexie keeps schema version n as IndexedDB version n × 10 (its verno is the quotient).
    return entry?.version ? entry.version / 10 : null;
  }
  const dependencies = idb ? { indexedDB: idb } : {};
  if (!(await Dexie.exists(name))) return null;
  const probe = new Dexie(name, dependencies);
  try {
    await probe.open();
    return probe.verno;
  } finally {
    probe.close();
  }
}
