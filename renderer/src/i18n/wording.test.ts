import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

/** Catalogue wording a user relies on: each prompt says what to do on the page it is shown on. */
describe('PIN prompts', () => {
  it('asks the chair to unlock to review the page, not to open a scoring sheet', () => {
    expect(zhCN.pin.enterHintChair('郑丽华')).not.toContain('评分表');
    expect(zhCN.pin.enterHintChair('郑丽华')).toContain('组长');
    expect(en.pin.enterHintChair('Zheng')).not.toContain('sheet');
    expect(en.pin.enterHintChair('Zheng')).toContain('chair');
  });

  it('tells a locked-out expert to ask the secretariat to reset a forgotten PIN', () => {
    expect(zhCN.pin.locked('14:05')).toContain('秘书处');
    expect(zhCN.pin.locked('14:05')).toContain('重置');
    expect(en.pin.locked('14:05')).toContain('secretariat');
  });
});

describe('results progress line', () => {
  it('says nothing about outstanding sheets when none are outstanding', () => {
    const zh = `${zhCN.results.progress(48, 50, 2, 0)} ${zhCN.results.allIn}`;
    expect(zh).not.toContain('0 份未提交');
    expect(zh).toContain('全部评分已提交或回避');
    expect(en.results.progress(48, 50, 2, 0)).not.toContain('outstanding');
  });

  it('counts the outstanding sheets when there are some', () => {
    expect(zhCN.results.progress(6, 50, 0, 44)).toContain('尚有 44 份未提交');
    expect(en.results.progress(6, 50, 0, 44)).toContain('44 outstanding');
  });
});

describe('export refused before confirmation', () => {
  it('points at the confirmation on the results page itself, not at the page by name', () => {
    expect(zhCN.export.confirmOnThisPage).not.toContain('结果汇总');
    expect(zhCN.export.confirmOnThisPage).toContain('本页');
    expect(zhCN.export.confirmOnThisPage).toContain(zhCN.results.confirm.title);
    expect(zhCN.export.confirmOnThisPage).toContain(zhCN.results.confirm.confirm);
    expect(en.export.confirmOnThisPage).toContain(en.results.confirm.title);
  });
});

describe('developer words stay behind 详细信息', () => {
  it('keeps command names, flags, file names and base64 out of the visible labels', () => {
    for (const text of [
      zhCN.export.verifyIntro,
      zhCN.export.trustPick,
      zhCN.keys.publicKey,
      en.export.verifyIntro,
      en.export.trustPick,
      en.keys.publicKey,
    ]) {
      expect(text).not.toMatch(/review-desk|--trust|KEYS\.json|base64/);
    }
    expect(zhCN.export.verifyTechnical).toContain('review-desk verify');
    expect(zhCN.keys.technical).toBe('详细信息');
  });
});
