/**
 * A plain Chinese account of how a packet's result came about, for a secretary to read to an
 * applicant who asks. It names no expert: applicants are told the numbers, not who gave them.
 */
import { formatPoints } from './decimal';
import type { PacketResult } from './types';

export function explain(packet: PacketResult): string {
  const parts: string[] = [];
  const conflicts = packet.excluded.filter((e) => e.reason === 'conflict').length;
  const pending = packet.excluded.filter((e) => e.reason === 'not-submitted').length;
  const notes = [
    conflicts > 0 ? `${conflicts} 位专家回避` : '',
    pending > 0 ? `${pending} 份评分未提交` : '',
  ].filter(Boolean);
  const aside = notes.length > 0 ? `（${notes.join('，')}）` : '';

  if (packet.n === 0 || packet.scoreText === null) {
    return `没有有效评分${aside}，无法计算得分，不参加排名。`;
  }
  const points = packet.sheets.map((s) => s.points).sort((a, b) => a - b);
  const count = `${packet.n} 份有效评分${aside}`;
  switch (packet.method) {
    case 'trimmed-mean': {
      const high = packet.sheets.find((s) => s.trimmed === 'highest')!.points;
      const low = packet.sheets.find((s) => s.trimmed === 'lowest')!.points;
      parts.push(
        `${count}，去掉最高分 ${formatPoints(high)} 和最低分 ${formatPoints(low)} 后，其余 ${packet.n - 2} 份平均 ${packet.scoreText} 分。`,
      );
      break;
    }
    case 'median': {
      if (packet.n % 2 === 1) {
        parts.push(`${count}，取中位数 ${packet.scoreText} 分。`);
      } else {
        const a = points[packet.n / 2 - 1]!;
        const b = points[packet.n / 2]!;
        parts.push(
          `${count}，取中间两份 ${formatPoints(a)} 和 ${formatPoints(b)} 的平均 ${packet.scoreText} 分作为中位数。`,
        );
      }
      break;
    }
    default: {
      const why =
        packet.configuredMethod === 'trimmed-mean'
          ? `，不足 ${packet.trimWhenAtLeast} 份，不去掉最高分和最低分，`
          : '，';
      parts.push(`${count}${why}平均 ${packet.scoreText} 分。`);
    }
  }

  for (const veto of packet.vetoes) {
    if (veto.decisive) {
      const rule =
        (veto.rule ?? packet.vetoRule) === 'majority'
          ? '超过有效评分的半数'
          : '按“任一专家勾选即否决”的规则';
      parts.push(`${veto.ticks} 位专家勾选否决项“${veto.title}”，${rule}，予以否决。`);
    } else {
      parts.push(`${veto.ticks} 位专家勾选否决项“${veto.title}”，未超过有效评分的半数，不予否决。`);
    }
  }
  if (packet.vetoed) {
    parts.push(`结果：${packet.decision ?? '否决'}，不参加排名。`);
    return parts.join('');
  }

  const group = packet.group ? `“${packet.group}”组` : '本轮';
  let standing = `在${group}排名第 ${packet.rank}${packet.tied ? '（并列）' : ''}`;
  if (packet.tieAtQuota) {
    const others = packet.tieAtQuota.packetIds.filter((id) => id !== packet.packetId);
    standing += `，与 ${others.join('、')} 同分并列，跨越名额线`;
    if (packet.chairDecision) {
      standing += `，由专家组组长决定：${packet.chairDecision.decision}（理由：${packet.chairDecision.reason}）。`;
    } else {
      standing += '，待专家组组长决定。';
    }
    parts.push(standing);
    return parts.join('');
  }
  parts.push(packet.decision ? `${standing}，结果：${packet.decision}。` : `${standing}。`);
  return parts.join('');
}
