/**
 * The 21 市(州) of Sichuan in the order provincial documents list them: the rows of a 综合评估
 * ranking and the order in which cities with equal standing are shown.
 */
export const SICHUAN_CITIES = [
  '成都市',
  '自贡市',
  '攀枝花市',
  '泸州市',
  '德阳市',
  '绵阳市',
  '广元市',
  '遂宁市',
  '内江市',
  '乐山市',
  '南充市',
  '眉山市',
  '宜宾市',
  '广安市',
  '达州市',
  '雅安市',
  '巴中市',
  '资阳市',
  '阿坝藏族羌族自治州',
  '甘孜藏族自治州',
  '凉山彝族自治州',
] as const;

export type SichuanCity = (typeof SICHUAN_CITIES)[number];

/** How offices shorten the three autonomous prefectures (a 市 is also written without 市). */
const PREFECTURE_SHORT_FORMS: Record<string, readonly string[]> = {
  阿坝藏族羌族自治州: ['阿坝州', '阿坝', '阿坝藏族羌族州'],
  甘孜藏族自治州: ['甘孜州', '甘孜', '甘孜藏族州'],
  凉山彝族自治州: ['凉山州', '凉山', '凉山彝族州'],
};

/**
 * Every accepted spelling of each 市(州) → its official name: the official name itself, a 市
 * without 市 (成都 → 成都市), and the short forms of the prefectures (阿坝州 → 阿坝藏族羌族自治州).
 */
export const CITY_SPELLINGS: ReadonlyMap<string, SichuanCity> = new Map(
  SICHUAN_CITIES.flatMap((city) => {
    const short = city.endsWith('市') ? [city.slice(0, -1)] : (PREFECTURE_SHORT_FORMS[city] ?? []);
    return [city, ...short].map((spelling) => [spelling, city] as const);
  }),
);

/** Compared after NFKC with spaces removed, as typed in a spreadsheet cell. */
const cityKey = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** The official name for a spelling of a Sichuan 市(州), or null when it is none of them. */
export function officialCityName(text: string): SichuanCity | null {
  return CITY_SPELLINGS.get(cityKey(text)) ?? null;
}
