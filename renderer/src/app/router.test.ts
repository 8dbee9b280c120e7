import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash, type Route } from './router';

describe('hash routes', () => {
  const routes: Route[] = [
    { name: 'home' },
    { name: 'packets', roundId: 'R1' },
    { name: 'packet', roundId: 'R1', packetId: 'P/1 ?#' },
    { name: 'experts', roundId: 'R1' },
    { name: 'panel', roundId: 'R1' },
    { name: 'chair', roundId: 'R1' },
    { name: 'exchange', roundId: 'R1' },
    { name: 'results', roundId: 'R1' },
    { name: 'dissent', roundId: 'R1', expertId: 'E 05/x' },
    { name: 'expertSheets', roundId: 'R1', expertId: 'e1' },
    { name: 'report', roundId: 'R 1/x' },
    { name: 'route', roundId: 'LL-2026 Q1/x' },
    { name: 'keys' },
    { name: 'verify' },
    { name: 'backup' },
    { name: 'sheet', roundId: 'DEMO-2026-01', expertId: 'e2', packetId: 'P003' },
  ];

  it.each(routes)('round-trips %j', (route) => {
    expect(parseHash(hrefFor(route))).toEqual(route);
  });

  it('sends unknown paths to notFound rather than guessing', () => {
    expect(parseHash('#/rounds/R1/nonsense')).toEqual({ name: 'notFound' });
    expect(parseHash('#/elsewhere')).toEqual({ name: 'notFound' });
    expect(parseHash('#/rounds/R1/exchange/extra')).toEqual({ name: 'notFound' });
    expect(parseHash('#/rounds/R1/route/S01')).toEqual({ name: 'notFound' });
    expect(parseHash('#/rounds/R1/results/dissent')).toEqual({ name: 'notFound' });
    expect(parseHash('#/rounds/R1/results/other/e1')).toEqual({ name: 'notFound' });
    expect(parseHash('')).toEqual({ name: 'home' });
    expect(parseHash('#/keys/extra')).toEqual({ name: 'notFound' });
    expect(parseHash('#/rounds/R1/report/x')).toEqual({ name: 'notFound' });
    expect(hrefFor({ name: 'keys' })).toBe('#/keys');
    expect(hrefFor({ name: 'verify' })).toBe('#/verify');
    expect(hrefFor({ name: 'backup' })).toBe('#/backup');
    expect(parseHash('#/backup/x')).toEqual({ name: 'notFound' });
  });
});
