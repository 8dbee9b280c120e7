import { Component, type ReactNode } from 'react';

/**
 * Catches an error thrown while a viewer draws a file, so a malformed attachment shows a message
 * in the viewer's box instead of taking the page down. `fallback` gets the error's message.
 */
export class FormatErrorBoundary extends Component<
  { children: ReactNode; fallback: (reason: string) => ReactNode },
  { reason: string | null }
> {
  override state: { reason: string | null } = { reason: null };

  static getDerivedStateFromError(error: unknown) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    return this.state.reason !== null
      ? this.props.fallback(this.state.reason)
      : this.props.children;
  }
}
