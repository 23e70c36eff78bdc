import type { VendorAgreement } from '@contracts/core';
import { renderAgreement } from '@contracts/render';
import { describe, expect, it } from 'vitest';
import { clauseKeys, diffStructured, joinParagraphs, reconstruct, splitParagraphs, toRedlineMarkdown } from '../src/index.js';
import { bundledContract, moveClause, roundPairs } from './support/round-pairs.js';

const BY = { author: 'Marcus Lee', date: '2026-05-18T10:00:00Z' };
/** The anchored rendering and render's anchors: what the redline aligns. */
const anchored = (c: object) => renderAgreement(c as VendorAgreement);
const diffRounds = (from: object, to: object) => {
  const [a, b] = [anchored(from), anchored(to)];
  return diffStructured(a.anchored, b.anchored, { oldAnchors: a.anchors, newAnchors: b.anchors });
};
/** What the paragraph split keeps of a document: the text a redline side must rebuild. */
const canonical = (markdown: string) => joinParagraphs(splitParagraphs(markdown));
const textOf = (b: { ops: { text: string }[] }) => b.ops.map((op) => op.text).join('');
/** The audit section's number in the Springfield contract: which sections come before it moves it. */
const AUDIT = /^## (\d+)\. Audit Rights/m.exec(anchored(bundledContract('springfield-smartcam')).markdown)![1]!;

describe('clauseKeys', () => {
  it("keys clauses by render's clause anchors, sections by anchor, cover-page rows by label, values by term, never by number", () => {
    const { anchored: markdown, anchors } = anchored(bundledContract('springfield-smartcam'));
    const paragraphs = splitParagraphs(markdown);
    const keys = clauseKeys(paragraphs, anchors);
    const keyOf = (start: string) => keys[paragraphs.findIndex((p) => p.text.startsWith(start))];
    expect(keyOf(`## ${AUDIT}. Audit Rights`)).toBe('§audit');
    const onSite = paragraphs.findIndex((p) => p.text.startsWith(`**${AUDIT}.1** **On-site audit.**`));
    expect(keys[onSite]).toBeUndefined(); // inside its clause's fence, which carries the key
    expect(keys[onSite - 1]).toBe('clause:audit/on-site-audit');
    expect(keyOf('| Annual fees |')).toBe('§##Cover Page|Annual fees');
    expect(keyOf('|:--')).toBe('§##Cover Page|:--');
    expect(keyOf('# [Connected Camera')).toMatch(/^§#\{t[0-9a-f]{10}\}$/); // the title, by the term it prints
    expect(keyOf('| Name: ')).toMatch(/^§##Signatures\|Name: \{t[0-9a-f]{10}\}$/);
    const defined = keys.filter((k): k is string => k !== undefined);
    expect(new Set(defined).size).toBe(defined.length);
    expect(defined.some((k) => /\d+\.\d+/.test(k))).toBe(false); // no clause number in any key
  });

  it("knows a clause by its anchor id when render's anchors list is not given", () => {
    const keys = clauseKeys(splitParagraphs('## 1. A {#a}\n\n::: {#a_c0123456789}\n\n**1.1** Text.\n\n:::\n\nAfter.'));
    expect(keys).toEqual(['§a', 'clause:_c0123456789', undefined, undefined, 'clause:_c0123456789>']);
  });
});

describe('diffStructured (structure-anchored redline)', () => {
  it('shows a removed clause as removed, and only the renumbering in the clauses after it (issue 11)', () => {
    const from = bundledContract('springfield-smartcam');
    const to = structuredClone(from);
    to.terms.audit.onSite = false;
    const blocks = diffRounds(from, to);
    const changed = blocks.filter((b) => b.kind !== 'equal');
    const removed = changed.filter((b) => b.kind === 'delete').map(textOf);
    expect(removed.some((t) => t.startsWith(`**${AUDIT}.1** **On-site audit.**`))).toBe(true);
    for (const b of changed.filter((b) => b.kind === 'change')) {
      const deleted = b.ops.filter((op) => op.kind === 'delete').map((op) => op.text.trim());
      const inserted = b.ops.filter((op) => op.kind === 'insert').map((op) => op.text.trim());
      // Every clause that stayed changed only its number (12.2 → 12.1 …) or a sentence mentioning the audit.
      expect(deleted.join(' ').length + inserted.join(' ').length, JSON.stringify(b.ops)).toBeLessThan(200);
      expect(deleted.join(' ')).not.toMatch(/Independent report|Access logs/);
    }
    expect(reconstruct(blocks, 'new')).toBe(canonical(anchored(to).anchored));
    expect(reconstruct(blocks, 'old')).toBe(canonical(anchored(from).anchored));
    // The removed clause's fence says so, and its paragraph is one deletion, markup kept.
    const md = toRedlineMarkdown(blocks, BY);
    expect(md).toContain(`::: {.redline-deleted}\n\n[**${AUDIT}.1** **On-site audit.** The Buyer`);
    expect(md).toMatch(new RegExp(`\\*\\*${AUDIT}\\.\\[2\\]\\{\\.deletion[^}]*\\}\\[1\\]\\{\\.insertion[^}]*\\}\\*\\* \\*\\*Independent report\\.\\*\\*`));
  });

  it('shows a moved clause of the rendered contract as a move, its fences marked, no id twice', () => {
    const from = bundledContract('springfield-smartcam');
    const a = anchored(from);
    // Move the content-of-notice clause behind the costs-of-remediation one, as a template reordering would.
    const { markdown: reordered, moved } = moveClause(a.anchored, 'Content of notice.', 'Costs of remediation.');
    const blocks = diffStructured(a.anchored, reordered, { oldAnchors: a.anchors, newAnchors: a.anchors });
    expect(blocks.filter((x) => x.moved === 'to').map(textOf)).toContain(moved.split('\n\n')[1]);
    expect(blocks.filter((x) => x.moved === 'from').map(textOf)).toContain(moved.split('\n\n')[1]);
    expect(blocks.filter((x) => x.kind === 'change' || (x.kind !== 'equal' && !x.moved))).toEqual([]);
    const md = toRedlineMarkdown(blocks, BY);
    expect(md).toContain('::: {.redline-moved-from}');
    expect(md).toMatch(/::: \{#a_c[0-9a-f]{10} \.redline-moved-to\}/);
    const ids = [...md.matchAll(/\{#(a_[tc][0-9a-f_]+)/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
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

  it('rebuilds both rounds exactly for every pair of the generated corpus, anchored and plain', () => {
    for (const pair of roundPairs(6)) {
      const [a, b] = [anchored(pair.from), anchored(pair.to)];
      const blocks = diffStructured(a.anchored, b.anchored, { oldAnchors: a.anchors, newAnchors: b.anchors });
      expect(reconstruct(blocks, 'new'), pair.id).toBe(canonical(b.anchored));
      expect(reconstruct(blocks, 'old'), pair.id).toBe(canonical(a.anchored));
      const plain = diffStructured(a.markdown, b.markdown);
      expect(reconstruct(plain, 'new'), pair.id).toBe(canonical(b.markdown));
      expect(reconstruct(plain, 'old'), pair.id).toBe(canonical(a.markdown));
    }
  });

  it('never pairs paragraphs of different clauses: every edited paragraph sits in a clause both rounds have', () => {
    for (const pair of roundPairs(6)) {
      const [a, b] = [anchored(pair.from), anchored(pair.to)];
      const keysOf = (r: typeof a) => new Set(r.anchors.filter((x) => x.kind === 'clause').map((x) => x.id));
      const [before, after] = [keysOf(a), keysOf(b)];
      let clause: string | undefined;
      for (const block of diffStructured(a.anchored, b.anchored, { oldAnchors: a.anchors, newAnchors: b.anchors })) {
        const fence = /^::: \{#a(_c[0-9a-f]{10}(?:_\d+)?)/.exec(textOf(block))?.[1];
        if (fence) clause = fence;
        else if (textOf(block) === ':::') clause = undefined;
        if (block.kind === 'change' && clause) expect(before.has(clause) && after.has(clause), pair.id).toBe(true);
        if (block.kind === 'delete' && fence && !block.moved) expect(after.has(fence), `${pair.id}: ${fence} removed yet present`).toBe(false);
        if (block.kind === 'insert' && fence && !block.moved) expect(before.has(fence), `${pair.id}: ${fence} added yet present`).toBe(false);
      }
    }
  });

  it('keeps the cover page a table: a changed cell is marked inside its row, a removed row is a row of marked cells', () => {
    const from = bundledContract('springfield-smartcam');
    const to = structuredClone(from);
    to.terms.incidentResponse.notificationHours = 24;
    delete to.terms.audit.thirdPartyReport; // the "Independent assurance" row goes
    const md = toRedlineMarkdown(diffRounds(from, to), BY, { anchors: false });
    // The cover-page table: from its header row to the blank line after it.
    const table = md.slice(md.indexOf('| Term |'), md.indexOf('\n\n', md.indexOf('| Term |')));
    for (const line of table.trim().split('\n')) expect(line).toMatch(/^\|.*\|$/);
    expect(table).toMatch(/\| Incident notice \| within \[forty-eight \(48\]\{\.deletion[^}]*\}\[twenty-four \(24\]\{\.insertion[^}]*\}\) hours/);
    expect(table).toMatch(/\| \[Independent assurance\]\{\.deletion[^}]*\} \| \[a SOC 2 Type II report, once a year/);
  });
});
