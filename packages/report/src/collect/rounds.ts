import { positionHistory, roundRows, type RoundRow } from '@contracts/diff';
import type { RoundVersion } from '@contracts/git';
import type { Playbook } from '@contracts/playbook';
import type { LatestRound } from '../model.js';

/** The rows `contracts rounds` prints, by the same steps (`positionHistory`, then `roundRows`). */
export function roundRowsOf(versions: readonly RoundVersion[], playbook: Playbook): RoundRow[] {
  const steps = positionHistory(versions, playbook).map((step, i) => ({ ...versions[i]!, ...step }));
  return roundRows(steps);
}

const DAY = 86_400_000;

/** The last round, and how many whole days before `now` its version was written. */
export function latestRound(rows: readonly RoundRow[], now: number): LatestRound | undefined {
  const last = rows.at(-1);
  if (!last) return undefined;
  const written = Date.parse(last.authorDate);
  const daysSince = Number.isFinite(written) ? Math.max(0, Math.floor((now - written) / DAY)) : 0;
  return { round: last.round, authorDate: last.authorDate, author: last.author, daysSince };
}

/** The report date: SOURCE_DATE_EPOCH (seconds) when set, so a report can be reproduced, else now. */
export function reportTime(env: NodeJS.ProcessEnv = process.env): number {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now();
}
