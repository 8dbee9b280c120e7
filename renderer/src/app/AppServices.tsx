import { createContext, useContext, type ReactNode } from 'react';
import type { Platform } from '@shared/platform/Platform';
import type { ReviewDeskDb } from '../data/db';

export interface AppServices {
  db: ReviewDeskDb;
  platform: Platform;
}

const ServicesContext = createContext<AppServices | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  services: AppServices;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesProvider is missing');
  return services;
}
