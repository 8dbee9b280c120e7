/**
 * Reading a roster sheet cell by cell: where a cell is in words (sheet, row, column and cell),
 * a missing header, and the checks a cell's value must pass (市(州), names on a list), each
 * problem located at its cell.
 */
import { CITY_SPELLINGS, SICHUAN_CITIES, officialCityName } from '../model/cities';
import type { InputProblem } from '../model/validation';
import { nearestNames } from './nearestNames';
import { listedName } from './programmeLists';
import type { ColumnSpec } from './rosterColumns';
import { columnLetter, type SheetLayout } from './rosterReport';
import type { RosterSheet } from './rosterTables';

/** `工作表“项目清单”第 5 行 市(州)（D5）`: sheet, row, and the column by name and cell. */
export function where(sheet: RosterSheet, row: number, label?: string, index?: number): string {
  const line = sheet.firstRow + row;
  const cell =
    index === undefined ? '' : `（${columnLetter((sheet.firstColumn ?? 0) + index)}${line}）`;
  return `工作表“${sheet.name}”第 ${line} 行${label ? ` ${label}${cell}` : ''}`;
}

export function missingColumns<K extends string>(
  sheet: RosterSheet,
  layout: SheetLayout<K>,
  specs: readonly ColumnSpec<K>[],
  file: string,
): InputProblem[] {
  const present = layout.header.filter((h) => h.trim()).join('、') || '（空）';
  return specs
    .filter((s) => s.required && !layout.columns.has(s.key))
    .map((s) => ({
      file: sheet.file ?? file,
      field: where(sheet, layout.headerRow),
      message: `缺少“${s.label}”列。可用的列名：${s.accepted.join('、')}；表头现有：${present}。请把相应列的表头改成其中之一`,
    }));
}

export const cellAt = (row: readonly string[], index: number | undefined) =>
  index === undefined ? '' : (row[index] ?? '').trim();

export const isBlank = (row: readonly string[]) => row.every((v) => v.trim() === '');

/** `最接近的是“A”、“B”；` or nothing when no valid name is close. */
const nearest = (names: string[]) =>
  names.length > 0 ? `最接近的是${names.map((n) => `“${n}”`).join('、')}；` : '';

/** A cell reader for one sheet: values by column key, problems located at the cell. */
export function rowReader<K extends string>(
  sheet: RosterSheet,
  layout: SheetLayout<K>,
  specs: readonly ColumnSpec<K>[],
  file: string,
  problems: InputProblem[],
) {
  return (r: number) => {
    const row = sheet.rows[r]!;
    const get = (key: K) => cellAt(row, layout.columns.get(key));
    const fail = (key: K, message: string) => {
      const label = specs.find((s) => s.key === key)?.label ?? key;
      problems.push({
        file: sheet.file ?? file,
        field: where(sheet, r, label, layout.columns.get(key)),
        message,
      });
    };
    /** The official 市(州) name, '' for a blank cell, null (and a problem) otherwise. */
    const city = (key: K): string | null => {
      const value = get(key);
      if (!value) return '';
      const official = officialCityName(value);
      if (official) return official;
      const near = nearest(nearestNames(value, CITY_SPELLINGS));
      fail(
        key,
        `“${value}”不是四川省的市(州)。` +
          (near
            ? `${near}请填写正式名称或常用简称（如 成都、阿坝州）`
            : `请填写 21 个市(州)之一：${SICHUAN_CITIES.join('、')}（也可写简称，如 成都、阿坝州）`),
      );
      return null;
    };
    /**
     * The value as `list` spells it; a value not on the list is a problem naming the nearest
     * entries and the whole list (`what`: 五大品牌之一, “重点项目遴选”的类别). Blank stays blank.
     */
    const listed = (key: K, list: readonly string[], what: string): string => {
      const value = get(key);
      if (!value) return '';
      const name = listedName(value, list);
      if (name) return name;
      fail(
        key,
        `“${value}”不是${what}。${nearest(nearestNames(value, [...list]))}可填：${list.join('、')}`,
      );
      return value;
    };
    return { row, get, fail, city, listed };
  };
}
