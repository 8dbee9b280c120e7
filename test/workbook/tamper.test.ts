/**
 * Tampering: every change to what the workbook says must fail verification with a message that
 * names the sheet and cell, or the check that failed. Untouched re-saves must still pass.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { generateKeyPair, publicKeyFromSeed } from '@shared/signing/ed25519';
import { encodeBase64 } from '@shared/signing/base64';
import { keyFingerprint, sha256Hex } from '@shared/signing/hash';
import { verifyResultWorkbook, type VerifyResult } from '@shared/workbook';
import { brandRoundWorkbook, secretariatSeed } from './brandRound';
import { deleteRow, editWorkbook, sheet, summaryRow } from './edit';

/** The workbook's own entry for _signature, wherever the visible sheets put it. */
function signatureEntry(book: XLSX.WorkBook): XLSX.SheetProps {
  return book.Workbook!.Sheets!.find((s) => s.name === '_signature')!;
}

function problems(result: VerifyResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('result workbook: tampering', async () => {
  const original = await brandRoundWorkbook();

  it('a SheetJS re-save without edits still verifies', () => {
    expect(verifyResultWorkbook(editWorkbook(original, () => {})).ok).toBe(true);
  });

  it('an edited score cell fails, naming sheet, cell, column and both values', () => {
    let row = 0;
    const edited = editWorkbook(original, (book) => {
      row = summaryRow(book, 'P005');
      sheet(book, '结果汇总')[`H${row}`] = { t: 'n', v: 81.87, z: '0.00' };
    });
    expect(problems(verifyResultWorkbook(edited))).toEqual([
      `结果汇总!H${row}：得分 81.87 与签名数据 81.88 不符`,
    ]);
  });

  it('an edited criterion point in 评分明细 fails', () => {
    const edited = editWorkbook(original, (book) => {
      const ws = sheet(book, '评分明细');
      ws['F2'] = { t: 'n', v: 10 };
    });
    expect(problems(verifyResultWorkbook(edited))[0]).toMatch(
      /^评分明细!F2：.+ 10 与签名数据 [\d.]+ 不符$/,
    );
  });

  it('an added row fails', () => {
    const edited = editWorkbook(original, (book) => {
      XLSX.utils.sheet_add_aoa(sheet(book, '结果汇总'), [[1, 'P999', '伪造项目']], { origin: -1 });
    });
    const list = problems(verifyResultWorkbook(edited));
    expect(list[0]).toBe('结果汇总：签名数据有 25 行数据，工作表中有 26 行（有行被添加或删除）');
    expect(list).toContain('结果汇总!B27：多出内容 “P999”（签名数据中没有）');
  });

  it('a removed row fails', () => {
    const edited = editWorkbook(original, (book) => {
      const ws = sheet(book, '结果汇总');
      deleteRow(ws, summaryRow(book, 'P002'));
    });
    const list = problems(verifyResultWorkbook(edited));
    expect(list[0]).toBe('结果汇总：签名数据有 25 行数据，工作表中有 24 行（有行被添加或删除）');
    expect(
      list.some((p) => /^结果汇总!B\d+：项目编号 “P\d+” 与签名数据 “P002” 不符$/.test(p)),
    ).toBe(true);
  });

  it('a swapped signature fails the signature check', async () => {
    const other = await brandRoundWorkbook(generateKeyPair().seed);
    const foreign = XLSX.read(other, { type: 'array' }).Sheets['_signature']![
      'B6'
    ] as XLSX.CellObject;
    const edited = editWorkbook(original, (book) => {
      sheet(book, '_signature')['B6'] = { t: 's', v: foreign.v as string };
    });
    expect(problems(verifyResultWorkbook(edited))).toEqual([
      '签名无效：签名数据不是由工作簿中的公钥签署，或签名被替换',
    ]);
  });

  it('a changed public key fails: alone it breaks the signature, re-signed it fails --trust', async () => {
    const stranger = generateKeyPair();
    const swappedKey = editWorkbook(original, (book) => {
      const ws = sheet(book, '_signature');
      ws['B4'] = { t: 's', v: encodeBase64(stranger.publicKey) };
      ws['B5'] = { t: 's', v: keyFingerprint(stranger.publicKey) };
    });
    expect(problems(verifyResultWorkbook(swappedKey))[0]).toMatch(/^签名无效/);

    const resigned = await brandRoundWorkbook(stranger.seed);
    expect(verifyResultWorkbook(resigned).ok).toBe(true);
    const trusted = [encodeBase64(seedPublic())];
    expect(verifyResultWorkbook(original, { trustedKeys: trusted }).ok).toBe(true);
    expect(problems(verifyResultWorkbook(resigned, { trustedKeys: trusted }))).toEqual([
      `签名密钥 ${keyFingerprint(stranger.publicKey)} 不在受信任的密钥列表中`,
    ]);
    // Fingerprints are accepted as trusted keys too, with or without spaces.
    const fingerprint = keyFingerprint(seedPublic()).replace(/ /g, '');
    expect(verifyResultWorkbook(original, { trustedKeys: [fingerprint] }).ok).toBe(true);
  });

  it('a key id that does not match the public key fails', () => {
    const edited = editWorkbook(original, (book) => {
      sheet(book, '_signature')['B5'] = { t: 's', v: '0000 0000 0000 0000' };
    });
    expect(problems(verifyResultWorkbook(edited))[0]).toMatch(
      /^_signature!B5：密钥编号 0000 0000 0000 0000 与公钥/,
    );
  });

  it('_signature made visible and edited fails; merely unhidden passes with a warning', () => {
    const unhidden = editWorkbook(original, (book) => {
      signatureEntry(book).Hidden = 0;
    });
    const ok = verifyResultWorkbook(unhidden);
    expect(ok.ok && ok.summary.warnings).toEqual([
      '签名工作表 _signature 已被设为可见（内容未改动，签名仍然有效）',
    ]);
    const edited = editWorkbook(original, (book) => {
      signatureEntry(book).Hidden = 0;
      const ws = sheet(book, '_signature');
      const chunk = ws['A9'] as XLSX.CellObject;
      ws['A9'] = { t: 's', v: String(chunk.v).replace('"score":81.88', '"score":91.88') };
    });
    expect(problems(verifyResultWorkbook(edited))[0]).toMatch(
      /^SHA-256 不符：签名数据（_signature!A9 起）在签名后被修改/,
    );
  });

  it('a payload chunk edited with its hash recomputed fails the signature', () => {
    const edited = editWorkbook(original, (book) => {
      const ws = sheet(book, '_signature');
      const count = Number((ws['B7'] as XLSX.CellObject).v);
      const chunks = Array.from({ length: count }, (_, i) =>
        String((ws[`A${9 + i}`] as XLSX.CellObject).v),
      );
      const text = chunks.join('').replace('"score":81.88', '"score":91.88');
      expect(text).toContain('"score":91.88');
      ws['A9'] = { t: 's', v: text.slice(0, chunks[0]!.length) };
      ws['B3'] = { t: 's', v: sha256Hex(new TextEncoder().encode(text)) };
    });
    expect(problems(verifyResultWorkbook(edited))).toEqual([
      '签名无效：签名数据不是由工作簿中的公钥签署，或签名被替换',
    ]);
  });

  it('a formula put into a cell fails even when its cached value is the same', () => {
    let row = 0;
    const edited = editWorkbook(original, (book) => {
      row = summaryRow(book, 'P005');
      sheet(book, '结果汇总')[`H${row}`] = { t: 'n', v: 81.88, f: '81.88', z: '0.00' };
    });
    expect(problems(verifyResultWorkbook(edited))).toEqual([
      `结果汇总!H${row}：得分 含有公式（公式 =81.88），签名数据为 81.88`,
    ]);
  });

  it('text turned into a number, or a number into text, fails', () => {
    const edited = editWorkbook(original, (book) => {
      const row = summaryRow(book, 'P005');
      sheet(book, '结果汇总')[`H${row}`] = { t: 's', v: '81.88' };
    });
    expect(problems(verifyResultWorkbook(edited))[0]).toMatch(
      /：得分 “81.88” 与签名数据 81.88 不符$/,
    );
  });

  it('an extra sheet with content fails; an extra empty sheet is tolerated', () => {
    const withContent = editWorkbook(original, (book) => {
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['说明', '结果已调整']]), '备注');
    });
    expect(problems(verifyResultWorkbook(withContent))).toEqual([
      '多出工作表“备注”（含有内容，签名数据中没有）',
    ]);
    const empty = editWorkbook(original, (book) => {
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), '空白');
    });
    expect(verifyResultWorkbook(empty).ok).toBe(true);
  });

  it('a deleted visible sheet or a deleted _signature fails', () => {
    const noDetail = editWorkbook(original, (book) => {
      delete book.Sheets['评分明细'];
      book.SheetNames = book.SheetNames.filter((n) => n !== '评分明细');
      book.Workbook!.Sheets = book.Workbook!.Sheets!.filter((s) => s.name !== '评分明细');
    });
    expect(problems(verifyResultWorkbook(noDetail))).toEqual(['缺少工作表“评分明细”']);
    const noSignature = editWorkbook(original, (book) => {
      delete book.Sheets['_signature'];
      book.SheetNames = book.SheetNames.filter((n) => n !== '_signature');
      book.Workbook!.Sheets = book.Workbook!.Sheets!.filter((s) => s.name !== '_signature');
    });
    expect(problems(verifyResultWorkbook(noSignature))[0]).toMatch(/^缺少签名工作表 _signature/);
  });

  it('content added to _signature fails', () => {
    const edited = editWorkbook(original, (book) => {
      sheet(book, '_signature')['C1'] = { t: 's', v: 'x' };
      sheet(book, '_signature')['!ref'] = 'A1:C40';
    });
    expect(problems(verifyResultWorkbook(edited))).toEqual([
      '_signature!C1：签名工作表中多出内容（签名数据之外）',
    ]);
  });

  it('bytes that are not a workbook are unreadable', () => {
    const garbage = verifyResultWorkbook(strToU8('not a workbook'));
    expect(garbage).toEqual({
      ok: false,
      kind: 'unreadable',
      problems: [expect.stringContaining('无法读取')],
    });
    const files = unzipSync(original);
    delete files['xl/workbook.xml'];
    const broken = verifyResultWorkbook(zipSync(files));
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.kind).toBe('unreadable');
  });
});

/** The secretariat key's public half, as the central system would have registered it. */
function seedPublic(): Uint8Array {
  return publicKeyFromSeed(secretariatSeed());
}
