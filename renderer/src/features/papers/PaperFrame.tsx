import { useState, type ReactNode } from 'react';
import { shortHash } from '@shared/signing/hash';
import { useServices } from '../../app/AppServices';
import { useI18n } from '../../i18n/I18nProvider';
import { messageOf } from '../keys/keyErrors';
import { PrintedSection } from '../report/PrintedSection';
import './papers.css';

/** 2026年12月8日: the date a paper is printed, as a Chinese office writes it. */
export function paperDate(date = new Date()): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** The screen-only bar above a paper: back, print (to PDF), and whatever the paper adds. */
export function PaperToolbar({
  backHref,
  backLabel,
  pdfName,
  children,
}: {
  backHref: string;
  backLabel: string;
  /** The suggested file name when the platform saves the print as PDF. */
  pdfName: string | null;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { platform } = useServices();
  const [error, setError] = useState<string | null>(null);
  async function print(name: string) {
    setError(null);
    try {
      await platform.printToPdf({ suggestedName: name });
    } catch (e) {
      setError(messageOf(e));
    }
  }
  return (
    <div className="papers-toolbar">
      <a href={backHref}>{backLabel}</a>
      {pdfName && (
        <>
          <button type="button" className="button primary" onClick={() => void print(pdfName)}>
            {t.papers.print}
          </button>
          <span className="muted small">{t.papers.printHint}</span>
        </>
      )}
      {children}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * One printed paper. The table's header and footer groups repeat on every page it spans, so each
 * page names the round and carries the short digest of the paper's content with its QR code.
 */
export function PaperSection({
  roundTitle,
  roundId,
  digest,
  label,
  children,
}: {
  roundTitle: string;
  roundId: string;
  /** SHA-256 hex of the paper's content. */
  digest: string;
  label: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const hash = shortHash(digest);
  return (
    <article className="papers-doc" aria-label={label}>
      <PrintedSection
        head={`${roundTitle}（${roundId}）`}
        hashLabel={t.papers.shortHash}
        hash={hash}
        qrLabel={t.papers.qrLabel}
        qrSize="16mm"
        hashTestId="paper-short-hash"
      >
        {children}
      </PrintedSection>
    </article>
  );
}

/** A line to sign by hand, with its date. */
export function SignatureLine({ sign, date }: { sign: string; date: string }) {
  return (
    <p className="papers-signature">
      <span>
        {sign}
        <span className="papers-sign-blank" />
      </span>
      <span>
        {date}
        <span className="papers-date-blank" />
      </span>
    </p>
  );
}
