/** What an action did: a success as a polite status, a failure as an alert. Nothing when null. */
export interface Outcome {
  ok: boolean;
  text: string;
}

export function OutcomeBanner({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <p
      className={outcome.ok ? 'banner success' : 'banner error'}
      role={outcome.ok ? 'status' : 'alert'}
    >
      {outcome.text}
    </p>
  );
}
