import type { JSX } from 'react';
import type { AttachmentRow } from '../../../data/rows';

/**
 * Shows one non-PDF attachment inside the app, offline: the reader pane lazy-loads this and gives
 * it a box to fill. It fills the box's width and scrolls inside it.
 */
export function FormatViewer({ attachment }: { attachment: AttachmentRow }): JSX.Element {
  return (
    <div className="format-viewer">
      <p>{attachment.name}</p>
    </div>
  );
}
