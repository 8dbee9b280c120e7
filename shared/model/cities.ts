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
