import { useSyncExternalStore } from 'react';

/**
 * Hash routes: they survive a reload (an expert who reloads mid-sheet lands on the same sheet),
 * work from the app:// protocol and from a static web server alike, and need no server rewrite.
 */
export type Route =
  | { name: 'home' }
  | { name: 'packets'; roundId: string }
  | { name: 'packet'; roundId: string; packetId: string }
  | { name: 'experts'; roundId: string }
  | { name: 'panel'; roundId: string }
  | { name: 'settings'; roundId: string }
  | { name: 'checkIn'; roundId: string }
  | { name: 'chair'; roundId: string }
  | { name: 'exchange'; roundId: string }
  | { name: 'results'; roundId: string }
  | { name: 'dissent'; roundId: string; expertId: string }
  | { name: 'expertSheets'; roundId: string; expertId: string }
  | { name: 'sheet'; roundId: string; expertId: string; packetId: string }
  | { name: 'report'; roundId: string }
  /** 评审文书 (chair): the index, 专家组意见, 公示名单, or one expert's 评分表. */
  | {
      name: 'papers';
      roundId: string;
      paper: 'index' | 'opinions' | 'public' | 'expert';
      expertId?: string;
    }
  /** An expert's own 评分表, behind their PIN. */
  | { name: 'expertPaper'; roundId: string; expertId: string }
  | { name: 'route'; roundId: string }
  | { name: 'keys' }
  | { name: 'verify' }
  | { name: 'backup' }
  | { name: 'notFound' };

const segment = (value: string) => encodeURIComponent(value);

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
    case 'notFound':
      return '#/';
    case 'packets':
      return `#/rounds/${segment(route.roundId)}/packets`;
    case 'packet':
      return `#/rounds/${segment(route.roundId)}/packets/${segment(route.packetId)}`;
    case 'experts':
      return `#/rounds/${segment(route.roundId)}/experts`;
    case 'panel':
      return `#/rounds/${segment(route.roundId)}/panel`;
    case 'settings':
      return `#/rounds/${segment(route.roundId)}/settings`;
    case 'checkIn':
      return `#/rounds/${segment(route.roundId)}/check-in`;
    case 'chair':
      return `#/rounds/${segment(route.roundId)}/chair`;
    case 'exchange':
      return `#/rounds/${segment(route.roundId)}/exchange`;
    case 'results':
      return `#/rounds/${segment(route.roundId)}/results`;
    case 'dissent':
      return `#/rounds/${segment(route.roundId)}/results/dissent/${segment(route.expertId)}`;
    case 'report':
      return `#/rounds/${segment(route.roundId)}/report`;
    case 'papers':
      return `#/rounds/${segment(route.roundId)}/papers${route.paper === 'index' ? '' : route.paper === 'expert' ? `/experts/${segment(route.expertId ?? '')}` : `/${route.paper}`}`;
    case 'expertPaper':
      return `#/rounds/${segment(route.roundId)}/experts/${segment(route.expertId)}/paper`;
    case 'route':
      return `#/rounds/${segment(route.roundId)}/route`;
    case 'keys':
      return '#/keys';
    case 'verify':
      return '#/verify';
    case 'backup':
      return '#/backup';
    case 'expertSheets':
      return `#/rounds/${segment(route.roundId)}/experts/${segment(route.expertId)}`;
    case 'sheet':
      return `#/rounds/${segment(route.roundId)}/experts/${segment(route.expertId)}/sheets/${segment(route.packetId)}`;
  }
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'home' };
  // Device-wide pages, not tied to a round.
  if (parts.length === 1 && parts[0] === 'keys') return { name: 'keys' };
  if (parts.length === 1 && parts[0] === 'verify') return { name: 'verify' };
  if (parts.length === 1 && parts[0] === 'backup') return { name: 'backup' };
  const [rounds, roundId, section, second, third, fourth] = parts;
  if (rounds !== 'rounds' || !roundId) return { name: 'notFound' };
  if (section === 'packets' && parts.length === 3) return { name: 'packets', roundId };
  if (section === 'packets' && second && parts.length === 4)
    return { name: 'packet', roundId, packetId: second };
  if (section === 'experts' && parts.length === 3) return { name: 'experts', roundId };
  if (section === 'panel' && parts.length === 3) return { name: 'panel', roundId };
  if (section === 'settings' && parts.length === 3) return { name: 'settings', roundId };
  if (section === 'check-in' && parts.length === 3) return { name: 'checkIn', roundId };
  if (section === 'chair' && parts.length === 3) return { name: 'chair', roundId };
  if (section === 'exchange' && parts.length === 3) return { name: 'exchange', roundId };
  if (section === 'results' && parts.length === 3) return { name: 'results', roundId };
  if (section === 'report' && parts.length === 3) return { name: 'report', roundId };
  if (section === 'route' && parts.length === 3) return { name: 'route', roundId };
  if (section === 'papers' && parts.length === 3)
    return { name: 'papers', roundId, paper: 'index' };
  if (section === 'papers' && (second === 'opinions' || second === 'public') && parts.length === 4)
    return { name: 'papers', roundId, paper: second };
  if (section === 'papers' && second === 'experts' && third && parts.length === 5)
    return { name: 'papers', roundId, paper: 'expert', expertId: third };
  if (section === 'experts' && second && third === 'paper' && parts.length === 5)
    return { name: 'expertPaper', roundId, expertId: second };
  if (section === 'results' && second === 'dissent' && third && parts.length === 5)
    return { name: 'dissent', roundId, expertId: third };
  if (section === 'experts' && second && parts.length === 4)
    return { name: 'expertSheets', roundId, expertId: second };
  if (section === 'experts' && second && third === 'sheets' && fourth && parts.length === 6) {
    return { name: 'sheet', roundId, expertId: second, packetId: fourth };
  }
  return { name: 'notFound' };
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}
