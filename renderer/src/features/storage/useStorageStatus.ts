import { useEffect, useState } from 'react';

export interface StorageStatus {
  /** Bytes used and the quota, when the browser tells. */
  usage: number | null;
  quota: number | null;
  /** Whether persistent storage was granted (main.tsx asks for it at start). */
  persisted: boolean | null;
}

/** navigator.storage.estimate() and persisted(), read once per mount. */
export function useStorageStatus(): StorageStatus | null {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    let cancelled = false;
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    void Promise.all([
      storage?.estimate?.().catch(() => undefined),
      storage?.persisted?.().catch(() => null),
    ]).then(([estimate, persisted]) => {
      if (cancelled) return;
      setStatus({
        usage: estimate?.usage ?? null,
        quota: estimate?.quota ?? null,
        persisted: persisted ?? null,
      });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return status;
}
