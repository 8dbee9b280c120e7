import { describe, expect, it } from 'vitest';
import {
  applyChromiumSwitches,
  chromiumFeatureFlags,
  DISABLED_FEATURES,
  mergedFeatureList,
} from './chromiumSwitches';

describe('Chromium switches', () => {
  it('keeps features someone else disabled and adds ours once', () => {
    expect(mergedFeatureList('', ['A'])).toBe('A');
    expect(mergedFeatureList('X, Y', ['A', 'X'])).toBe('X,Y,A');
  });

  it('appends one merged --disable-features switch to the command line', () => {
    const switches = new Map<string, string>([['disable-features', 'UserChoice']]);
    applyChromiumSwitches({
      getSwitchValue: (name) => switches.get(name) ?? '',
      appendSwitch: (name, value) => switches.set(name, value ?? ''),
    });
    expect(switches.get('disable-features')).toBe(`UserChoice,${DISABLED_FEATURES.join(',')}`);
  });

  it('gives the tests and the bench the flags main applies', () => {
    expect(chromiumFeatureFlags()).toEqual(['--disable-features=DeferRendererTasksAfterInput']);
  });
});
