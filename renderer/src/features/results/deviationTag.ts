import type { DeviationStatus } from '@shared/compile';

/**
 * The badge class of a deviation's 复核 status: red (the plain tag) while it waits for the expert,
 * neutral green once the expert has confirmed or revised the points, since nothing is left to do.
 */
export function deviationTagClass(status: DeviationStatus): string {
  return status === 'pending' ? 'tag' : 'tag settled';
}
