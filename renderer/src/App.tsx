import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense } from 'react';
import { useServices } from './app/AppServices';
import { ExpertNav, openToExpert, useExpertMode } from './app/ExpertMode';
import { IdleLock } from './app/IdleLock';
import { revealFocused } from './app/display/revealFocused';
import { TextSizeControl } from './app/display/TextSizeControl';
import { SessionsProvider } from './app/Sessions';
import { hrefFor, useRoute, type Route } from './app/router';
import { getRound } from './data/repositories/queries';
import { AutoBackupSessionProvider } from './features/backup/autoBackup/AutoBackupSession';
import { CloseBackupHandler } from './features/backup/autoBackup/CloseBackupHandler';
import { ChairPage } from './features/chair/ChairPage';
import { CheckInPage } from './features/checkIn/CheckInPage';
import { ExchangePage } from './features/exchange/ExchangePage';
import { HomePage } from './features/home/HomePage';
import { LostDatabaseNotice } from './features/lostDatabase/LostDatabaseNotice';
import { RoutePage } from './features/inspection/RoutePage';
import { PanelPage } from './features/panel/PanelPage';
import { PacketListPage } from './features/packets/PacketListPage';
import { PacketPage } from './features/packets/PacketPage';
import { ExpertPickerPage } from './features/scoring/ExpertPickerPage';
import { ExpertSheetsPage } from './features/scoring/ExpertSheetsPage';
import { ScoringSheetPage } from './features/scoring/ScoringSheetPage';
import { AccessDeniedNotice } from './features/secretariat/AccessDeniedNotice';
import { SecretariatGate } from './features/secretariat/SecretariatGate';
import { SecretariatStatus } from './features/secretariat/SecretariatStatus';
import { useI18n } from './i18n/I18nProvider';

// Pages that pull in the charting library, SheetJS or the backup code load on first use, so
// the first screen (and an expert's sheet) starts without them.
const BackupPage = lazy(() =>
  import('./features/backup/BackupPage').then((m) => ({ default: m.BackupPage })),
);
const VerifyPage = lazy(() =>
  import('./features/export/VerifyPage').then((m) => ({ default: m.VerifyPage })),
);
const KeysPage = lazy(() =>
  import('./features/keys/KeysPage').then((m) => ({ default: m.KeysPage })),
);
const ReportPage = lazy(() =>
  import('./features/report/ReportPage').then((m) => ({ default: m.ReportPage })),
);
const PapersPage = lazy(() =>
  import('./features/papers/PapersPage').then((m) => ({ default: m.PapersPage })),
);
const ExpertPaperPage = lazy(() =>
  import('./features/papers/ExpertPaperPage').then((m) => ({ default: m.ExpertPaperPage })),
);
const DissentPage = lazy(() =>
  import('./features/results/DissentPage').then((m) => ({ default: m.DissentPage })),
);
const SettingsPage = lazy(() =>
  import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);
const ResultsPage = lazy(() =>
  import('./features/results/ResultsPage').then((m) => ({ default: m.ResultsPage })),
);

function roundIdOf(route: Route): string | null {
  return 'roundId' in route ? route.roundId : null;
}

function Header({ route }: { route: Route }) {
  const { t, language, setLanguage } = useI18n();
  const { db } = useServices();
  const roundId = roundIdOf(route);
  const round = useLiveQuery(() => (roundId ? getRound(db, roundId) : undefined), [db, roundId]);
  const expertMode = useExpertMode();
  if (expertMode)
    return (
      <header className="app-header" onFocus={revealFocused}>
        <span className="brand">{t.appName}</span>
        {round && (
          <span className="round-title" title={round.title}>
            {round.title}
          </span>
        )}
        <ExpertNav route={route} mode={expertMode} />
        <TextSizeControl />
        <button
          type="button"
          className="link-button language"
          onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
        >
          {t.language.switchTo}
        </button>
      </header>
    );
  const section =
    route.name === 'packets' || route.name === 'packet'
      ? 'packets'
      : route.name === 'panel' ||
          route.name === 'settings' ||
          route.name === 'checkIn' ||
          route.name === 'chair' ||
          route.name === 'exchange' ||
          route.name === 'route'
        ? route.name
        : route.name === 'results' ||
            route.name === 'dissent' ||
            route.name === 'report' ||
            route.name === 'papers'
          ? 'results'
          : roundId
            ? 'scoring'
            : null;
  return (
    <header className="app-header" onFocus={revealFocused}>
      <a className="brand" href={hrefFor({ name: 'home' })}>
        {t.appName}
      </a>
      {round && (
        <>
          <span className="round-title" title={round.title}>
            {round.title}
          </span>
          <nav aria-label={t.nav.home}>
            <a
              href={hrefFor({ name: 'packets', roundId: round.id })}
              aria-current={section === 'packets' ? 'page' : undefined}
            >
              {t.nav.packets}
            </a>
            {round.kind === 'inspection' && (
              <a
                href={hrefFor({ name: 'route', roundId: round.id })}
                aria-current={section === 'route' ? 'page' : undefined}
              >
                {t.inspection.nav}
              </a>
            )}
            <a
              href={hrefFor({ name: 'experts', roundId: round.id })}
              aria-current={section === 'scoring' ? 'page' : undefined}
            >
              {t.nav.scoring}
            </a>
            <a
              href={hrefFor({ name: 'panel', roundId: round.id })}
              aria-current={section === 'panel' ? 'page' : undefined}
            >
              {t.panel.nav}
            </a>
            <a
              href={hrefFor({ name: 'settings', roundId: round.id })}
              aria-current={section === 'settings' ? 'page' : undefined}
            >
              {t.settings.nav}
            </a>
            <a
              href={hrefFor({ name: 'checkIn', roundId: round.id })}
              aria-current={section === 'checkIn' ? 'page' : undefined}
            >
              {t.checkIn.nav}
            </a>
            <a
              href={hrefFor({ name: 'chair', roundId: round.id })}
              aria-current={section === 'chair' ? 'page' : undefined}
            >
              {t.chair.nav}
            </a>
            <a
              href={hrefFor({ name: 'exchange', roundId: round.id })}
              aria-current={section === 'exchange' ? 'page' : undefined}
            >
              {t.exchange.nav}
            </a>
            <a
              href={hrefFor({ name: 'results', roundId: round.id })}
              aria-current={section === 'results' ? 'page' : undefined}
            >
              {t.results.nav}
            </a>
          </nav>
        </>
      )}
      {/* Device-wide pages: the key and verification do not belong to one round. */}
      <nav className="device-nav" aria-label={t.keys.nav}>
        <a
          href={hrefFor({ name: 'keys' })}
          aria-current={route.name === 'keys' ? 'page' : undefined}
        >
          {t.keys.nav}
        </a>
        <a
          href={hrefFor({ name: 'verify' })}
          aria-current={route.name === 'verify' ? 'page' : undefined}
        >
          {t.export.verifyNav}
        </a>
        <a
          href={hrefFor({ name: 'backup' })}
          aria-current={route.name === 'backup' ? 'page' : undefined}
        >
          {t.backup.nav}
        </a>
      </nav>
      <SecretariatStatus />
      <TextSizeControl />
      <button
        type="button"
        className="link-button language"
        onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
      >
        {t.language.switchTo}
      </button>
    </header>
  );
}

/**
 * While an expert has the laptop (expert mode), a page that is not theirs shows the secretariat
 * gate; entering the passphrase ends expert mode and shows the page.
 */
function GuardedPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const expertMode = useExpertMode();
  if (expertMode && !openToExpert(route, expertMode))
    return (
      <SecretariatGate title={t.secretariat.section} reason={t.secretariat.expertPagesGate}>
        {() => <Page route={route} />}
      </SecretariatGate>
    );
  return <Page route={route} />;
}

function Page({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'packets':
      return <PacketListPage roundId={route.roundId} />;
    case 'packet':
      return <PacketPage roundId={route.roundId} packetId={route.packetId} />;
    case 'experts':
      return <ExpertPickerPage roundId={route.roundId} />;
    case 'panel':
      return <PanelPage roundId={route.roundId} />;
    case 'settings':
      return <SettingsPage roundId={route.roundId} />;
    case 'checkIn':
      return <CheckInPage roundId={route.roundId} />;
    case 'chair':
      return <ChairPage roundId={route.roundId} />;
    case 'exchange':
      return <ExchangePage roundId={route.roundId} />;
    case 'results':
      return <ResultsPage roundId={route.roundId} />;
    case 'dissent':
      return <DissentPage roundId={route.roundId} expertId={route.expertId} />;
    case 'report':
      return <ReportPage roundId={route.roundId} />;
    case 'papers':
      return <PapersPage route={route} />;
    case 'expertPaper':
      return <ExpertPaperPage roundId={route.roundId} expertId={route.expertId} />;
    case 'route':
      return <RoutePage roundId={route.roundId} />;
    case 'keys':
      return <KeysPage />;
    case 'verify':
      return <VerifyPage />;
    case 'backup':
      return <BackupPage />;
    case 'expertSheets':
      return <ExpertSheetsPage roundId={route.roundId} expertId={route.expertId} />;
    case 'sheet':
      return (
        <ScoringSheetPage
          roundId={route.roundId}
          expertId={route.expertId}
          packetId={route.packetId}
        />
      );
    case 'notFound':
      return (
        <main className="page narrow">
          <h1>{t.errors.notFound}</h1>
        </main>
      );
  }
}

export function App() {
  const route = useRoute();
  return (
    <SessionsProvider>
      <AutoBackupSessionProvider>
        <Header route={route} />
        <LostDatabaseNotice />
        <AccessDeniedNotice />
        <Suspense fallback={<main className="page" aria-busy="true" />}>
          <GuardedPage route={route} />
        </Suspense>
        <IdleLock />
        {/* Mounted once, whatever the page: main may ask to back up on close at any time. */}
        <CloseBackupHandler />
      </AutoBackupSessionProvider>
    </SessionsProvider>
  );
}
