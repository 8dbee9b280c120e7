import { useI18n } from '../i18n/I18nProvider';

export function StartupError({ error }: { error: unknown }) {
  const { t } = useI18n();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <main className="page narrow" role="alert">
      <h1>{t.errors.title}</h1>
      <p className="error-text">{message}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t.errors.reload}
      </button>
    </main>
  );
}
