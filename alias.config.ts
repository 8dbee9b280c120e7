import { fileURLToPath } from 'node:url';

/**
 * `@shared/…` names a module of shared/ from anywhere (renderer, Electron, CLI, bench, tests)
 * instead of a chain of `../`. TypeScript reads the same mapping from tsconfig.base.json
 * (`paths`); every Vite and Vitest config spreads this one. Relative imports keep working.
 */
export const alias = {
  '@shared': fileURLToPath(new URL('./shared', import.meta.url)),
};
