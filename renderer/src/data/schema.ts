/**
 * Every schema version the app has ever shipped, oldest first. Never edit or delete an entry:
 * a laptop may still hold a database of any of these versions. Add a new one and, when data must
 * change, an upgrade in migrations/.
 */
export const schemaVersions = [
  {
    version: 1,
    stores: {
      rounds: '&id',
      packets: '&key, roundId, group',
      attachments: '&key, roundId, packetId',
      experts: '&key, roundId',
      assignments: '&key, roundId, packetId, expertId',
      sheets: '&key, roundId, packetId, expertId, status',
      conflicts: '&key, roundId, packetId, expertId',
      audit: '++seq, roundId, at',
      settings: '&key',
    },
  },
  {
    // v2: an expert's sheet list and a group's packet list are the hot queries; index them.
    version: 2,
    stores: {
      packets: '&key, roundId, group, [roundId+group]',
      sheets: '&key, roundId, packetId, expertId, status, [roundId+expertId]',
    },
  },
  {
    // v3: the audit log becomes a hash chain per round (shared/audit/chain.ts); entries are found
    // by their position in their round's chain.
    version: 3,
    stores: {
      audit: '++seq, roundId, at, [roundId+index]',
    },
  },
  {
    // v4: the panel's identities and the exchange between laptops. pins: each expert's salted
    // PIN hash and attempt counters; expertKeys: the signing key first seen in an expert's score
    // file (later files must match it); exchangeConflicts: incoming sheets that disagree with the
    // one held, waiting for the chair.
    version: 4,
    stores: {
      pins: '&key, roundId',
      expertKeys: '&key, roundId',
      exchangeConflicts: '&key, roundId, packetId, expertId, status',
    },
  },
  {
    // v5: importing newer versions of a round. packetFlags: packets changed or
    // withdrawn by a newer package while sheets on them existed, so the panel re-checks them;
    // rounds gain `digest` (content digest, re-import is a no-op) and `revision` (see v5.ts).
    version: 5,
    stores: {
      packetFlags: '&key, roundId, packetId',
    },
  },
  {
    // v6: compiling results. chairDecisions: the chair's decision on a tie at a quota
    // line (one per packet, the latest; history in the audit log); settlements: how an expert
    // settled a deviation flag (复核) on one revision of their sheet; dissents: an expert's
    // 保留意见 on the results; confirmations: the chair's confirmations of the results, one per
    // version, with the digest of what was confirmed (the latest, unless reopened, locks the round).
    version: 6,
    stores: {
      chairDecisions: '&key, roundId, packetId',
      settlements: '&key, roundId, [roundId+expertId]',
      dissents: '&key, roundId',
      confirmations: '&key, roundId, [roundId+version]',
    },
  },
  {
    // v7: an expert's assignments by compound index. The progress bar counts them after every
    // saved keystroke; filtering by expertId alone walks every round's rows.
    version: 7,
    stores: {
      assignments: '&key, roundId, packetId, expertId, [roundId+expertId]',
    },
  },
  {
    // v8: the field side. routeSites: an inspection round's visiting order and each
    // site's notes; sitePhotos: photos taken at a site (camera or file) as Blobs with the time
    // taken; findings: 问题清单 per site; adjustments: 动态调整 (取消资格 / 增列) per body.
    version: 8,
    stores: {
      routeSites: '&key, roundId',
      sitePhotos: '&id, roundId, [roundId+packetId]',
      findings: '&id, roundId, [roundId+packetId]',
      adjustments: '&id, roundId, [roundId+packetId]',
    },
  },
  {
    // v9: an expert's sheets by status. The progress bar counts submitted and 回避 sheets on this
    // index, so a draft save (status stays 'draft') falls outside what its live query observes
    // and does not re-run it on every keystroke.
    version: 9,
    stores: {
      sheets:
        '&key, roundId, packetId, expertId, status, [roundId+expertId], [roundId+expertId+status]',
    },
  },
  {
    // v10: assignments without their packetId and expertId indexes, which no query used (the
    // one by packet now reads a range of keys, `round:packet:`). Every index is another write
    // per row, and an import writes a row for every expert and packet: 14,000 for 2,000 packets
    // and 7 experts, so each unused index lengthens the import's last transaction.
    version: 10,
    stores: {
      assignments: '&key, roundId, [roundId+expertId]',
    },
  },
  {
    // v11: who may act on a laptop. checkIns: the experts the secretariat has checked in (签到)
    // on this laptop; only they may choose a PIN here. Rows of the other tables are unchanged
    // (expertKeys rows gain optional members), so backups from v9 on still restore as they are.
    version: 11,
    stores: {
      checkIns: '&key, roundId',
    },
  },
  {
    // v12: 专家组意见. opinions: the chair's written opinion of the panel on a packet, one per
    // packet (the latest; earlier wordings are in the audit log). Rows of the other tables are
    // unchanged, so backups from v9 on still restore (one written before v12 has no opinions).
    version: 12,
    stores: {
      opinions: '&key, roundId',
    },
  },
] as const;

export const CURRENT_SCHEMA_VERSION = schemaVersions[schemaVersions.length - 1]!.version;

/**
 * The oldest version whose rows are the current ones field for field (later versions changed
 * only indexes), so that a backup it wrote restores as it is. Lower it never; raise it to the
 * new version whenever a version changes what a row holds (a migration in migrations/).
 */
export const SAME_ROWS_SINCE_VERSION = 9;
