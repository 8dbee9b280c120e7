import type { RoundSettings } from '@shared/rounds/roundSettings';

/** What every part of the settings form receives: the draft, how to change it, its problems. */
export interface SectionProps {
  draft: RoundSettings;
  onChange(next: RoundSettings): void;
  /** Problems by field key, shown only once the user tried to save. */
  problems: Record<string, string>;
}
