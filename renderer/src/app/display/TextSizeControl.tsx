import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import {
  applyTextSize,
  deviceStorage,
  isTextSize,
  readTextSize,
  TEXT_SIZES,
  textSizeFromStorageEvent,
  writeTextSize,
  type TextSize,
} from './textSize';

/**
 * 字号 in the header, for everyone at the laptop (experts included): a native select, so it works
 * by keyboard (Tab to it, arrow keys to choose) and is named by its label.
 */
export function TextSizeControl() {
  const { t } = useI18n();
  const id = useId();
  const [size, setSize] = useState<TextSize>(() => readTextSize(deviceStorage()));

  // Another window of the app changed it: follow, so both windows read the same.
  useEffect(() => {
    const follow = (event: StorageEvent) => {
      const next = textSizeFromStorageEvent(event);
      if (next) setSize(next);
    };
    window.addEventListener('storage', follow);
    return () => window.removeEventListener('storage', follow);
  }, []);

  useEffect(() => applyTextSize(document.documentElement, size), [size]);

  return (
    <span className="text-size">
      <label htmlFor={id}>{t.display.textSize}</label>
      <select
        id={id}
        value={size}
        onChange={(event) => {
          const next = event.target.value;
          if (!isTextSize(next)) return;
          writeTextSize(deviceStorage(), next);
          setSize(next);
        }}
      >
        {TEXT_SIZES.map((option) => (
          <option key={option} value={option}>
            {t.display.sizes[option]}
          </option>
        ))}
      </select>
    </span>
  );
}
