import { describe, expect, it } from 'vitest';
import { CITY_SPELLINGS, SICHUAN_CITIES, officialCityName } from './cities';

describe('市(州) names as offices write them', () => {
  it('maps every official name to itself and a 市 without 市 to its official name', () => {
    for (const city of SICHUAN_CITIES) expect(officialCityName(city)).toBe(city);
    expect(officialCityName('成都')).toBe('成都市');
    expect(officialCityName(' 攀枝花 ')).toBe('攀枝花市');
  });

  it('maps the prefectures’ short forms to their official names', () => {
    expect(officialCityName('阿坝州')).toBe('阿坝藏族羌族自治州');
    expect(officialCityName('阿坝')).toBe('阿坝藏族羌族自治州');
    expect(officialCityName('甘孜州')).toBe('甘孜藏族自治州');
    expect(officialCityName('凉山州')).toBe('凉山彝族自治州');
  });

  it('knows nothing else: a county, a typo or another province is not a 市(州)', () => {
    for (const text of ['天府新区', '阿坝洲', '重庆市', '郫都区', '市', '']) {
      expect(officialCityName(text)).toBeNull();
    }
    expect(new Set(CITY_SPELLINGS.values()).size).toBe(21);
  });
});
