/** Composite keys: one laptop may hold several rounds whose packet and expert ids overlap. */
export const packetKey = (roundId: string, packetId: string) => `${roundId}:${packetId}`;
export const expertKey = (roundId: string, expertId: string) => `${roundId}:${expertId}`;
export const attachmentKey = (roundId: string, path: string) => `${roundId}:${path}`;
export const sheetKey = (roundId: string, packetId: string, expertId: string) =>
  `${roundId}:${packetId}:${expertId}`;
