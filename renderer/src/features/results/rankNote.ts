import type { PacketResult } from '@shared/compile';

/**
 * The note beside a rank: 并列 while packets share it, 组长已决定 once the chair has decided the tie
 * across a quota line, so a settled tie no longer reads as open.
 */
export function rankNote(
  packet: Pick<PacketResult, 'tied' | 'chairDecision'>,
): 'tied' | 'decided' | null {
  if (!packet.tied) return null;
  return packet.chairDecision ? 'decided' : 'tied';
}
