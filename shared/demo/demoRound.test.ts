import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { packetSchema, roundSchema } from '../model/roundPackage';
import { readRoundPackage } from '../formats/roundPackageReader';
import { writeRoundPackage } from '../formats/roundPackageWriter';
import { rubricMax } from '../rubric/points';
import { buildDemoRound, DEMO_ROUND_ID } from './demoRound';
import { makeTinyPdf, makeTinyPng } from './tinyFiles';

describe('buildDemoRound', () => {
  const demo = buildDemoRound();

  it('passes the round and packet schemas unchanged (no defaults needed)', () => {
    expect(roundSchema.parse(demo.round)).toEqual(demo.round);
    for (const packet of demo.packets) expect(packetSchema.parse(packet)).toEqual(packet);
  });

  it('is the round the brief describes', () => {
    expect(demo.round.id).toBe(DEMO_ROUND_ID);
    expect(demo.round.kind).toBe('selection');
    expect(rubricMax(demo.round.rubric)).toBe(100);
    expect(demo.round.experts).toHaveLength(5);
    expect(demo.packets).toHaveLength(10);
    expect(new Set(demo.packets.map((p) => p.group))).toEqual(
      new Set(demo.round.quotas.map((q) => q.group)),
    );
    expect(new Set(demo.packets.map((p) => p.applicant.city)).size).toBeGreaterThanOrEqual(6);
  });

  it('is deterministic and hands out independent copies', () => {
    const again = buildDemoRound();
    expect(again).toEqual(demo);
    again.round.experts[0]!.name = '改过';
    expect(buildDemoRound().round.experts[0]!.name).toBe('周敏');
    expect(writeRoundPackage(again)).not.toEqual(writeRoundPackage(demo));
    expect(writeRoundPackage(buildDemoRound())).toEqual(writeRoundPackage(demo));
  });

  it('declares each attachment with its real size and SHA-256', () => {
    for (const ref of demo.packets.flatMap((p) => p.attachments)) {
      const bytes = demo.attachments.get(ref.path)!;
      expect(ref.size).toBe(bytes.length);
      expect(ref.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('writes a package the reader accepts, equal to the demo', () => {
    const read = readRoundPackage(writeRoundPackage(demo));
    expect(read.ok ? read.value : read.problems).toEqual(demo);
  });
});

describe('tiny attachments', () => {
  it('PDF: header, trailer and every xref offset pointing at its object', () => {
    const pdf = Buffer.from(
      makeTinyPdf('申报书（示例）', ['Hello (world)', 'back\\slash']),
    ).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(pdf)![1]);
    expect(pdf.slice(startxref, startxref + 5)).toBe('xref\n');
    const entries = pdf.slice(startxref).split('\n').slice(3, 9);
    entries.forEach((entry, i) => {
      const offset = Number(entry.slice(0, 10));
      expect(pdf.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    const length = Number(/\/Length (\d+)/.exec(pdf)![1]);
    const stream = /stream\n([\s\S]*?)\nendstream/.exec(pdf)![1]!;
    expect(stream.length).toBe(length);
    expect(stream).toContain("(Hello \\(world\\)) '");
    expect(pdf).toContain('/Title <FEFF7533');
  });

  it('PNG: signature, IHDR and pixel data that inflate to the declared size', () => {
    const png = Buffer.from(makeTinyPng(48, 32, [10, 20, 30]));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(48);
    expect(png.readUInt32BE(20)).toBe(32);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString()).toBe('IDAT');
    const pixels = inflateSync(png.subarray(41, 41 + idatLength));
    expect(pixels.length).toBe(32 * (1 + 48 * 3));
    expect([...pixels.subarray(1, 4)]).toEqual([10, 20, 30]);
    expect(png.subarray(png.length - 8, png.length - 4).toString()).toBe('IEND');
  });
});
