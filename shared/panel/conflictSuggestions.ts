/**
 * 回避 suggested from the rosters: an expert who works for the applicant, or (when the round
 * asks for it) lives in the applicant's 市(州). The secretariat confirms each suggestion; ties
 * the rosters cannot show (family, former employers) are declared by the expert.
 */

export interface RosterExpert {
  id: string;
  name: string;
  org: string;
  city: string;
}

export interface RosterPacket {
  id: string;
  title: string;
  applicant: { name: string; city: string };
}

export interface ConflictSuggestion {
  packetId: string;
  expertId: string;
  reason: string;
}

/** Full-width forms, spaces and brackets vary between rosters typed by different offices. */
export function normaliseOrgName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s()（）【】[\]「」"“”'‘’·・.,，、-]/g, '')
    .toLowerCase();
}

function sameEmployer(org: string, applicant: string): boolean {
  const a = normaliseOrgName(org);
  const b = normaliseOrgName(applicant);
  // Very short names ("学院") would match everything.
  if (a.length < 4 || b.length < 4) return a !== '' && a === b;
  return a === b || a.includes(b) || b.includes(a);
}

export function suggestConflicts(
  experts: readonly RosterExpert[],
  packets: readonly RosterPacket[],
  options: { sameCity: boolean },
): ConflictSuggestion[] {
  const suggestions: ConflictSuggestion[] = [];
  for (const packet of packets) {
    for (const expert of experts) {
      if (expert.org && sameEmployer(expert.org, packet.applicant.name)) {
        suggestions.push({
          packetId: packet.id,
          expertId: expert.id,
          reason: `与申报单位为同一单位（${expert.org}）`,
        });
      } else if (options.sameCity && expert.city && expert.city === packet.applicant.city) {
        suggestions.push({
          packetId: packet.id,
          expertId: expert.id,
          reason: `与申报单位同属${expert.city}（本轮要求同市(州)回避）`,
        });
      }
    }
  }
  return suggestions;
}
