/** Composite keys: one laptop may hold several rounds whose packet and expert ids overlap. */
export const packetKey = (roundId: string, packetId: string) => `${roundId}:${packetId}`;
export const expertKey = (roundId: string, expertId: string) => `${roundId}:${expertId}`;
export const attachmentKey = (roundId: string, path: string) => `${roundId}:${path}`;
export const sheetKey = (roundId: string, packetId: string, expertId: string) =>
  `${roundId}:${packetId}:${expertId}`;
/** An assignment's key is its sheet's: one expert, one packet, one round. */
export const assignmentKey = sheetKey;
/**
 * The start every key of a packet's assignments shares. Ids never contain ':' (idSchema), so
 * no other packet's keys start the same way.
 */
export const packetAssignmentsPrefix = (roundId: string, packetId: string) =>
  `${roundId}:${packetId}:`;
