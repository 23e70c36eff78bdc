import { describe, expect, it } from 'vitest';
import { diffWording, formatWordingMarkdown, formatWordingText, wordingLineMarkdown, wordingLinesText, wordingParts, wordingSummary } from '../src/index.js';

const by = { proposedBy: 'Marcus Lee', proposedAt: '2026-05-18T10:00:00Z', tracked: true };
const version = (negotiatedWording: unknown[], terms: unknown = {}) => ({ terms, negotiatedWording });

describe('diffWording', () => {
  it('says a restated fact the counterparty changed was not applied, where a term is simply out of step', () => {
    const buyer = { paragraph: 'cover-page/Buyer', text: 'Acme, organised under the laws of the State of Delaware', ...by };
    const fact = { ...buyer, restates: [{ term: 'parties.buyer.jurisdiction', said: 'the State of Delaware', value: 'US-DE' }] };
    const lines = formatWordingText(diffWording(version([]), { ...version([fact]), parties: { buyer: { jurisdiction: 'US-IL' } } })).join('\n');
    expect(lines).toContain(
      `parties.buyer.jurisdiction: paragraph cover-page/Buyer says "the State of Delaware" (US-DE), but the contract's fact is US-IL: a fact the counterparty changed, not applied; counsel to confirm or reject`,
    );
  });

  it('says a row kept with its value emptied is no deletion, and a region emptied without its label is', () => {
    expect(wordingParts({ text: '', label: 'Data return' })).toEqual(['label "Data return"', '(value emptied)']);
    expect(wordingParts({ text: '' })).toEqual(['(deleted)']);
  });

  it('takes a comment-only entry that gains text as wording added, and one that loses it as withdrawn', () => {
    const commentOnly = { clause: 'audit/costs', comments: [{ author: 'M', text: 'Why?' }] };
    const worded = { ...commentOnly, text: 'Costs. The Buyer bears them.', ...by };
    expect(diffWording(version([commentOnly]), version([worded])).changes).toMatchObject([{ region: 'clause:audit/costs', change: 'added', before: null }]);
    expect(diffWording(version([worded]), version([commentOnly])).changes).toMatchObject([{ change: 'withdrawn', after: null }]);
    expect(diffWording(version([worded]), version([commentOnly])).comments).toEqual([]);
  });

  it('tells a relabelled row, a row dropped and a row added apart, and ignores who proposed an unchanged wording', () => {
    const before = { paragraph: 'cover-page/Data return', label: 'Data return', rowsAfter: [{ label: 'A', text: 'a' }], ...by };
    const after = { paragraph: 'cover-page/Data return', label: 'Data return and deletion', rowsAfter: [{ label: 'B', text: 'b' }], ...by };
    const [c] = diffWording(version([before]), version([after])).changes;
    expect(c).toMatchObject({
      change: 'changed',
      labelChanged: { from: 'Data return', to: 'Data return and deletion' },
      rowsAdded: [{ label: 'B', text: 'b' }],
      rowsRemoved: [{ label: 'A', text: 'a' }],
    });
    expect(formatWordingText(diffWording(version([before]), version([after])))).toEqual([
      '',
      'Negotiated wording outside the playbook: counsel to review',
      '  ~ paragraph cover-page/Data return  Marcus Lee, 2026-05-18 10:00Z',
      '      label "Data return and deletion"',
      '      + row "B": b',
      '      label "Data return" → "Data return and deletion"',
      '      row added "B"',
      '      row dropped "A"',
      '      replaces: label "Data return"; + row "A": a',
    ]);
    expect(diffWording(version([before]), version([{ ...before, proposedBy: 'Someone else', tracked: false }])).changes).toEqual([]);
  });

  it('matches by region key, not by list position, and a later entry for a key wins as in render', () => {
    const a = { clause: 'audit/costs', text: 'A', ...by };
    const b = { clause: 'audit/on-site', text: 'B', ...by };
    expect(diffWording(version([a, b]), version([b, a])).changes).toEqual([]);
    expect(diffWording(version([a]), version([a, { ...a, text: 'A2' }])).changes).toMatchObject([{ change: 'changed', after: { text: 'A2' } }]);
  });

  it('counts a comment once: a comment both versions have is not added, a new reply thread is', () => {
    const c1 = { author: 'M', date: '2026-05-18T10:00:00Z', text: 'Why?' };
    const c2 = { author: 'D', text: 'Because.', replies: [{ author: 'M', text: 'Fine.' }] };
    const w = diffWording(version([{ clause: 'audit/costs', comments: [c1] }]), version([{ clause: 'audit/costs', comments: [c1, c2] }]));
    expect(w.comments).toEqual([
      { region: 'clause:audit/costs', kind: 'clause', key: 'audit/costs', author: 'D', text: 'Because.', replies: [{ author: 'M', text: 'Fine.' }] },
    ]);
    expect(wordingSummary(w)).toBe('1 comment added');
  });

  it('lists a restatement that newly disagrees with its term, by the rule check applies, and not one that agrees', () => {
    const entry = {
      paragraph: 'cover-page/Breach notice',
      text: 'ninety-six (96) hours',
      ...by,
      restates: [{ term: 'terms.incidentResponse.notificationHours', said: 'ninety-six (96) hours', value: 96 }],
    };
    const agrees = version([entry], { incidentResponse: { notificationHours: 96 } });
    const moved = version([entry], { incidentResponse: { notificationHours: 48 } });
    expect(diffWording({}, agrees).restatements).toEqual([]);
    expect(diffWording(agrees, moved).restatements).toMatchObject([{ problem: 'contradicted', read: 96, current: 48 }]);
  });
});

describe('the wording formatter', () => {
  it('escapes what a counterparty wrote: no terminal escape in text, no markup or mention in Markdown', () => {
    const w = { region: 'clause:audit/costs', text: 'See <script>x</script> **@acme** \u001b[2J', proposedBy: 'Evil\u001b]8;;', tracked: false };
    const text = wordingLinesText(w).join('\n');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('untracked edit');
    const md = wordingLineMarkdown(w, { whole: true });
    expect(md).not.toMatch(/<script>|\*\*@acme|\u001b/);
    expect(md).toContain('(untracked edit)');
  });

  it('prints paragraphs on one terminal line, marked ¶, never as an escaped line break', () => {
    const w = diffWording(
      version([]),
      version([{ clause: 'termination/for-breach', text: 'First.\n\nSecond.', comments: [{ author: 'M', text: 'a\nb' }], ...by }]),
    );
    const text = formatWordingText(w).join('\n');
    expect(text).toContain('      First. ¶ Second.\n');
    expect(text).toContain(': a b');
    expect(text).not.toContain('\\n');
    expect(formatWordingMarkdown(w).join('\n')).toContain('First.<br><br>Second.');
  });

  it('keeps the text whole in Markdown and shortens it in a terminal', () => {
    const text = 'word '.repeat(100).trim();
    const w = diffWording(version([]), version([{ clause: 'audit/costs', text, ...by }]));
    expect(formatWordingMarkdown(w).join('\n')).toContain(text);
    expect(formatWordingText(w).join('\n')).not.toContain(text);
    expect(formatWordingText(w).join('\n')).toContain('…');
  });
});
