import { loadPlaybookText } from '@contracts/playbook';
import { describe, expect, it } from 'vitest';
import { formatRoundsMarkdown, formatRoundsText, positionHistory, roundRows, type HistoryVersion, type RoundStep } from '../src/index.js';

const PLAYBOOK = `
playbookVersion: 1
title: Test playbook
terms:
  incidentResponse.notificationHours:
    { label: Breach notice, kind: number, unit: hours, better: lower, preferred: 24, fallback: 48, walkAwayBeyond: 72, rationale: r, source: s }
`;

const version = (n: number, value: unknown, problem?: string): HistoryVersion & Omit<RoundStep, 'changes'> => ({
  n,
  tag: `acme/round-${n}`,
  commit: `${n}`.repeat(40),
  authorName: n === 2 ? 'Vic\u001b[2K Vendor' : 'Bea Buyer',
  authorEmail: 'x@example.com',
  authorDate: `2024-03-0${n}T10:00:00+00:00`,
  subject: 's',
  path: 'acme.yaml',
  rounds: [`acme/round-${n}`],
  tagger: null,
  taggedAt: `2024-03-0${n}T11:00:00+00:00`,
  message: n === 2 ? 'Counter <!-- hidden | x\nsecond line' : `Round ${n}`,
  value,
  ...(problem ? { problem } : {}),
});

const hours = (h: number) => ({ terms: { incidentResponse: { notificationHours: h } } });

describe('the rounds formatter', async () => {
  const { playbook } = await loadPlaybookText(PLAYBOOK, 'playbook.yaml');
  const versions = [version(1, hours(72)), version(2, hours(48)), version(3, undefined, 'binary content'), version(4, hours(24)), version(5, hours(12))];
  const steps = positionHistory(versions, playbook!).map((s, i) => ({ ...versions[i]!, ...s }));
  const rows = roundRows(steps);

  it('counts moves since the previous round, unknown when that round or this one cannot be read', () => {
    expect(rows.map((r) => r.moved)).toEqual([null, 1, null, null, 1]);
    expect(rows[1]).toMatchObject({ author: 'Vic\u001b[2K Vendor', authorDate: '2024-03-02T10:00:00+00:00', taggedAt: '2024-03-02T11:00:00+00:00' });
  });

  it('labels its columns and shows the version date, escaped for the terminal', () => {
    const lines = formatRoundsText(rows, { file: 'acme.yaml', contractId: 'acme' }).split('\n');
    expect(lines[1]).toMatch(/^ {2}Round +Authored +Author +Moved +Tag message$/);
    expect(lines[3]).toMatch(/^ {2}round-2 +2024-03-02 +Vic\\x1B\[2K Vendor +1 moved +Counter <!-- hidden \| x$/);
    expect(lines.join('\n')).not.toContain('\u001b');
  });

  it('writes one row per round in Markdown, with no HTML and no extra cell', () => {
    const md = formatRoundsMarkdown(rows, { file: 'acme.yaml', contractId: 'acme' });
    expect(md).toContain('| round-2 | 2024-03-02 | Vic\\\\x1B\\[2K Vendor | 1 moved | Counter \\<!-- hidden \\| x |');
    expect(md).not.toMatch(/(?<!\\)</);
  });
});
