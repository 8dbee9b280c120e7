import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyTextSize, deviceStorage, readTextSize } from './app/display/textSize';
import { ServicesProvider } from './app/AppServices';
import { StartupError } from './app/StartupError';
import { openDatabase } from './data/db';
import { sweepAtStart } from './data/repositories/attachmentsAhead';
import { I18nProvider } from './i18n/I18nProvider';
import { detectPlatform } from './platform';
import './styles.css';

// The chosen text size applies before the first paint (also to a startup error).
applyTextSize(document.documentElement, readTextSize(deviceStorage()));

async function start() {
  const root = createRoot(document.getElementById('root')!);
  try {
    const [db, platform] = await Promise.all([openDatabase(), Promise.resolve(detectPlatform())]);
    // Attachments an interrupted import wrote ahead of its round (attachmentsAhead.ts): removed
    // before the first screen, so no count or backup ever meets them. A failure is not fatal.
    await sweepAtStart(db).catch(() => undefined);
    // Ask the browser not to evict our data under storage pressure; refusal is not fatal.
    void navigator.storage?.persist?.().catch(() => false);
    root.render(
      <StrictMode>
        <I18nProvider>
          <ServicesProvider services={{ db, platform }}>
            <App />
          </ServicesProvider>
        </I18nProvider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(
      <I18nProvider>
        <StartupError error={error} />
      </I18nProvider>,
    );
  }
}

void start();
