import { describe, expect, it } from 'vitest';
import { readRoundPackage } from '../formats/roundPackageReader';
import { writeRoundPackage } from '../formats/roundPackageWriter';
import { FIVE_BRANDS, programmeCategories } from '../roster/programmeLists';
import { builtInRubric } from '../rubrics/builtInRubrics';
import { CATEGORIES, CITIES, buildSampleRound } from './sampleRound';

describe('buildSampleRound', () => {
  it('by default covers the 21 市(州), the four categories and the five brands, and reads back', () => {
    const sample = buildSampleRound();
    expect(new Set(sample.packets.map((p) => p.applicant.city)).size).toBe(CITIES.length);
    expect(new Set(sample.packets.map((p) => p.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(sample.packets.map((p) => p.fields['品牌']))).toEqual(new Set(FIVE_BRANDS));
    // The lists a roster is checked against: the sample could be typed in as a roster.
    expect(new Set(CATEGORIES)).toEqual(
      new Set(programmeCategories(builtInRubric('key-project-selection')!)),
    );
    const read = readRoundPackage(writeRoundPackage(sample));
    expect(read.ok ? read.value.packets : read.problems).toEqual(sample.packets);
  });

  it('is deterministic and honours the size options', () => {
    const options = { packets: 30, attachmentsPerPacket: 3, attachmentKb: 20 };
    const a = writeRoundPackage(buildSampleRound(options));
    expect(writeRoundPackage(buildSampleRound(options))).toEqual(a);
    const sample = buildSampleRound(options);
    expect(sample.packets).toHaveLength(30);
    expect(sample.attachments.size).toBe(90);
    const pdf = sample.attachments.get('attachments/KP0001/佐证材料1.pdf')!;
    expect(Math.abs(pdf.length - 20 * 1024)).toBeLessThan(600);
    // Padding is incompressible, so a padded package is not mistaken for a zip bomb.
    expect(readRoundPackage(a).ok).toBe(true);
  });
});
