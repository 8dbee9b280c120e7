import { useLiveQuery } from 'dexie-react-hooks';
import { getExpert, getPacket } from '../data/repositories/queries';
import { useI18n } from '../i18n/I18nProvider';
import { useServices } from './AppServices';
import { hrefFor, navigate, type Route } from './router';
import { useSessions } from './Sessions';

/** An expert unlocked in this window while the secretariat is not: the laptop is theirs. */
export interface ExpertMode {
  roundId: string;
  expertId: string;
  name: string;
  /** 组长: the chair's pages are theirs too. */
  isChair: boolean;
}

export function useExpertMode(): ExpertMode | null {
  const { db } = useServices();
  const { expert, secretariat } = useSessions();
  const actor = expert && !secretariat && expert.actor.kind === 'expert' ? expert.actor : null;
  const row = useLiveQuery(
    () => (actor ? getExpert(db, actor.roundId, actor.expertId) : undefined),
    [db, actor?.roundId, actor?.expertId],
  );
  if (!actor) return null;
  return {
    roundId: actor.roundId,
    expertId: actor.expertId,
    name: actor.name,
    isChair: row?.role === 'chair',
  };
}

/**
 * The pages an unlocked expert may open without the secretariat: their sheets, the packets
 * (conflicted ones by title only), their 保留意见, the laptop's signing key (they export its
 * public key for 签到) and 核验, and the chair's pages for the chair. Every
 * other page shows the secretariat gate.
 */
export function openToExpert(route: Route, mode: ExpertMode): boolean {
  switch (route.name) {
    case 'home':
    case 'notFound':
    case 'experts':
    case 'packets':
    case 'packet':
    case 'expertSheets':
    case 'sheet':
    case 'dissent':
    case 'expertPaper':
    case 'keys':
    case 'verify':
      return true;
    case 'chair':
    case 'results':
    case 'report':
    case 'papers':
      return mode.isChair && route.roundId === mode.roundId;
    default:
      return false;
  }
}

/** The header's navigation in expert mode: 我的评分表, the packet being scored, 锁定. */
export function ExpertNav({ route, mode }: { route: Route; mode: ExpertMode }) {
  const { t } = useI18n();
  const { db } = useServices();
  const { lockExpert } = useSessions();
  const { roundId, expertId } = mode;
  const scoring = route.name === 'sheet' && route.roundId === roundId ? route.packetId : null;
  const packet = useLiveQuery(
    () => (scoring ? getPacket(db, roundId, scoring) : undefined),
    [db, roundId, scoring],
  );
  return (
    <nav aria-label={t.secretariat.expertNav} data-testid="expert-nav">
      <a
        href={hrefFor({ name: 'expertSheets', roundId, expertId })}
        aria-current={route.name === 'expertSheets' ? 'page' : undefined}
      >
        {t.secretariat.mySheets}
      </a>
      {scoring && (
        <a
          href={hrefFor({ name: 'sheet', roundId, expertId, packetId: scoring })}
          aria-current="page"
          title={packet?.title}
        >
          {packet?.title ?? scoring}
        </a>
      )}
      <a href={hrefFor({ name: 'keys' })} aria-current={route.name === 'keys' ? 'page' : undefined}>
        {t.keys.nav}
      </a>
      {mode.isChair && (
        <a
          href={hrefFor({ name: 'chair', roundId })}
          aria-current={route.name === 'chair' ? 'page' : undefined}
        >
          {t.chair.nav}
        </a>
      )}
      <span className="secretariat-status">
        {mode.name}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            lockExpert();
            navigate({ name: 'experts', roundId });
          }}
        >
          {t.secretariat.lockExpert}
        </button>
      </span>
    </nav>
  );
}
