import type { ReactNode } from 'react';

/** The attributes that tie a control to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/**
 * One labelled setting: label first, the control, a hint, and the problem (what is wrong and how
 * to fix it) right under the control, announced to screen readers through aria-describedby.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`settings-field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="settings-control">
        {children({
          id,
          'aria-invalid': Boolean(error),
          'aria-describedby': described || undefined,
        })}
        {hint && (
          <p id={`${id}-hint`} className="settings-hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} className="settings-error" data-testid={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

/** A number typed into a box: the number, NaN for text that is not one, null when empty. */
export function readNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** How a number setting is shown in its box: empty for null or NaN. */
export function shownNumber(value: number | null): string {
  return value === null || Number.isNaN(value) ? '' : String(value);
}
