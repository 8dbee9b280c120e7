import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

export type Language = 'zh-CN' | 'en';

const catalogues: Record<Language, Messages> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'review-desk.language';

interface I18n {
  t: Messages;
  language: Language;
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18n>({
  t: zhCN,
  language: 'zh-CN',
  setLanguage: () => undefined,
});

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const value = useMemo<I18n>(
    () => ({
      t: catalogues[language],
      language,
      setLanguage(next) {
        setLanguageState(next);
        document.documentElement.lang = next;
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // A locked-down profile without storage still gets the switch for this session.
        }
      },
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
