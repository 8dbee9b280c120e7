import type { ReactNode } from 'react';
import { QrCode } from './QrCode';
import './printedSection.css';

/**
 * One printed part (of the report or of a paper). The table's header and footer groups repeat on
 * every page the part spans, so each page names the round and carries the short hash with its QR
 * code, and the footer's space is reserved instead of overlapping the content.
 */
export function PrintedSection({
  head,
  hashLabel,
  hash,
  qrLabel,
  qrSize,
  hashTestId,
  className,
  children,
}: {
  /** The running head: the round, as the page names it. */
  head: ReactNode;
  hashLabel: string;
  /** The short hash; null where there is none yet (shown as —, without a QR code). */
  hash: string | null;
  qrLabel: (hash: string) => string;
  qrSize: string;
  hashTestId: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={`printed-section ${className ?? ''}`}>
      <thead>
        <tr>
          <td className="printed-running-head">{head}</td>
        </tr>
      </thead>
      <tfoot>
        <tr>
          <td>
            <div className="printed-running-foot">
              <span>
                {hashLabel}{' '}
                <span className="printed-hash" data-testid={hashTestId}>
                  {hash ?? '—'}
                </span>
              </span>
              {hash && <QrCode text={hash} size={qrSize} label={qrLabel(hash)} />}
            </div>
          </td>
        </tr>
      </tfoot>
      <tbody>
        <tr>
          <td>{children}</td>
        </tr>
      </tbody>
    </table>
  );
}
