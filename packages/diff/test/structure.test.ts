import type { VendorAgreement } from '@contracts/core';
import { renderMarkdown } from '@contracts/render';
import { describe, expect, it } from 'vitest';
import { clauseKeys, diffStructured, joinParagraphs, reconstruct, splitParagraphs, toRedlineMarkdown } from '../src/index.js';
import { bundledContract, roundPairs } from './support/round-pairs.js';

const BY = { author: 'Marcus Lee', date: '2026-05-18T10:00:00Z' };
const render = (c: object) => renderMarkdown(c as VendorAgreement);
/** What the paragraph split keeps of a document: the text a redline side must rebuild. */
const canonical = (markdown: string) => joinParagraphs(splitParagraphs(markdown));
const textOf = (b: { ops: { text: string }[] }) => b.ops.map((op) => op.text).join('');

describe('clauseKeys', () => {
  it('keys sections by anchor, sub-clauses by title, cover-page rows by term, never by number', () => {
    const keys = clauseKeys(
      splitParagraphs(
        [
          '## Cover Page',
          '| Term | Agreed position |\n|:--|:--|\n| Annual fees | USD 1 |',
          '## 10. Audit Rights {#audit}',
          '**10.1** **On-site audit.** The Buyer may enter.',
          '- **Deployment:** on a VLAN.',
          'A plain continuation.',
        ].join('\n\n'),
      ),
    );
    expect(keys).toEqual(['§##Cover Page', '§##Cover Page|Term', '§audit', '§audit/On-site audit', '§audit/On-site audit/-Deployment', undefined]);
  });
});

describe('diffStructured (structure-anchored redline)', () => {
  it('shows a removed clause as removed, and only the renumbering in the clauses after it (issue 11)', () => {
    const from = bundledContract('springfield-smartcam');
    const to = structuredClone(from);
    to.terms.audit.onSite = false;
    const blocks = diffStructured(render(from), render(to));
    const changed = blocks.filter((b) => b.kind !== 'equal');
    const removed = changed.filter((b) => b.kind === 'delete').map(textOf);
    expect(removed.some((t) => t.startsWith('**10.1** **On-site audit.**'))).toBe(true);
    for (const b of changed.filter((b) => b.kind === 'change')) {
      const deleted = b.ops.filter((op) => op.kind === 'delete').map((op) => op.text.trim());
      const inserted = b.ops.filter((op) => op.kind === 'insert').map((op) => op.text.trim());
      // Every clause that stayed changed only its number (10.2 → 10.1 …) or a sentence mentioning the audit.
      expect(deleted.join(' ').length + inserted.join(' ').length, JSON.stringify(b.ops)).toBeLessThan(200);
      expect(deleted.join(' ')).not.toMatch(/Independent report|Access logs/);
    }
    expect(reconstruct(blocks, 'new')).toBe(canonical(render(to)));
    expect(reconstruct(blocks, 'old')).toBe(canonical(render(from)));
  });

  it('shows a clause that changed place as a move, deleted where it was and inserted where it is', () => {
    const section = (n: number, id: string, body: string) => `## ${n}. ${id} {#${id}}\n\n**${n}.1** **${id} clause.** ${body}`;
    const a = [section(1, 'one', 'First.'), section(2, 'two', 'Second.'), section(3, 'three', 'Third.'), section(4, 'four', 'Fourth.')].join('\n\n');
    const b = [section(1, 'one', 'First.'), section(2, 'three', 'Third.'), section(3, 'four', 'Fourth.'), section(4, 'two', 'Second.')].join('\n\n');
    const blocks = diffStructured(a, b);
    expect(blocks.filter((x) => x.moved === 'from').map(textOf)).toEqual(['2. two {#two}', '**2.1** **two clause.** Second.']);
    expect(blocks.filter((x) => x.moved === 'to').map(textOf)).toEqual(['4. two {#two}', '**4.1** **two clause.** Second.']);
    // The clauses in between only renumbered.
    expect(blocks.filter((x) => x.kind === 'change').every((x) => x.ops.filter((op) => op.kind !== 'equal').every((op) => /^\d/.test(op.text)))).toBe(true);
    expect(reconstruct(blocks, 'new')).toBe(canonical(b));
    expect(reconstruct(blocks, 'old')).toBe(canonical(a));
    expect(toRedlineMarkdown(blocks, BY)).toContain('{.deletion .moved-from author="Marcus Lee"');
  });

  it('rebuilds both rounds exactly for every pair of the generated corpus', () => {
    for (const pair of roundPairs(6)) {
      const [a, b] = [render(pair.from), render(pair.to)];
      const blocks = diffStructured(a, b);
      expect(reconstruct(blocks, 'new'), pair.id).toBe(canonical(b));
      expect(reconstruct(blocks, 'old'), pair.id).toBe(canonical(a));
    }
  });

  it('keeps the cover page a table: a changed cell is marked inside its row, a removed row is a row of marked cells', () => {
    const from = bundledContract('springfield-smartcam');
    const to = structuredClone(from);
    to.terms.incidentResponse.notificationHours = 24;
    delete to.terms.audit.thirdPartyReport; // the "Independent assurance" row goes
    const md = toRedlineMarkdown(diffStructured(render(from), render(to)), BY);
    const table = md.slice(md.indexOf('| Term |'), md.indexOf('### Product evaluation'));
    for (const line of table.trim().split('\n')) expect(line).toMatch(/^\|.*\|$/);
    expect(table).toMatch(/\| Incident notice \| within \[forty-eight \(48\]\{\.deletion[^}]*\}\[twenty-four \(24\]\{\.insertion[^}]*\}\) hours/);
    expect(table).toMatch(/\| \[Independent assurance\]\{\.deletion[^}]*\} \| \[a SOC 2 Type II report, once a year/);
  });
});
