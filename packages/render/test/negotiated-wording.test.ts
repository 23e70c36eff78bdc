import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContractFile, type VendorAgreement } from '@contracts/core';
import { describe, expect, it } from 'vitest';
import { agreementBlocks, blockText, renderAgreement, withoutAnchorMarkup } from '../src/index.js';
import { asRendered, hasSystemPandoc } from './helpers.js';

const ROOT = join(import.meta.dirname, '../../..');
const CONTRACTS = ['springfield-smartcam', 'nordlicht-building-sensors', 'bright-smile-sterilizer'];
const load = (name: string) => loadContractFile(join(ROOT, 'contracts', `${name}.yaml`)).value as VendorAgreement;

describe('negotiated wording', () => {
  it.each(CONTRACTS)('leaves %s exactly as it renders without any (the anchored Markdown reduces to the people-facing one)', (name) => {
    const rendered = renderAgreement(load(name), asRendered);
    expect(withoutAnchorMarkup(rendered.anchored)).toBe(rendered.markdown);
    expect(readFileSync(join(import.meta.dirname, 'golden', `${name}.md`), 'utf8')).toBe(rendered.markdown);
  });

  it("is printed in place of the clause's wording, escaped, with the clause's number; a deleted clause renumbers the rest", () => {
    const contract = load('springfield-smartcam');
    const { markdown, anchored, anchors } = renderAgreement(
      {
        ...contract,
        negotiatedWording: [
          { clause: 'audit/on-site-audit', text: '' },
          { clause: 'audit/costs', text: 'Costs. Each party bears its own *costs*.\n\n# Not a heading' },
          { paragraph: 'cover-page/Data return', text: 'within ninety | ninety days' },
          { clause: 'audit/independent-report', comments: [{ author: 'Marcus Lee', text: 'Fine.' }] },
        ],
      },
      asRendered,
    );
    // The audit section by its id, not its number: which sections a contract has moves the numbers.
    const start = markdown.indexOf('{#audit}');
    const audit = markdown.slice(markdown.lastIndexOf('## ', start), markdown.indexOf('\n## ', start));
    const number = /## (\d+)\./.exec(audit)![1];
    expect(audit).not.toContain('On-site audit');
    expect(audit).toContain(`**${number}.1** **Independent report.**`);
    expect(audit).toContain(`**${number}.3** **Costs.** Each party bears its own \\*costs\\*.\n\n\\# Not a heading`);
    expect(markdown).toContain('| Data return | within ninety \\| ninety days |');
    // The anchors still name what is there, and nothing else.
    const ids = new Set(agreementBlocks(anchored, anchors).map((b) => b.clause ?? b.paragraph));
    expect(ids.has('audit/on-site-audit')).toBe(false);
    expect(anchors.every((a) => anchored.includes(`{#a${a.id}}`))).toBe(true);
  });

  it("prints a row's label as the counterparty wrote it (its value the template's unless they rewrote it) and the rows they added, keyed as the template keys them", () => {
    const contract = load('springfield-smartcam');
    const plain = renderAgreement(contract, asRendered);
    const { markdown, anchored, anchors, paragraphKeys } = renderAgreement(
      {
        ...contract,
        negotiatedWording: [
          { paragraph: 'cover-page/Data return', label: 'Data return *and* deletion' },
          { paragraph: 'cover-page/Governing law', label: 'Law', text: 'the laws of Illinois', rowsAfter: [{ label: 'Venue', text: 'Sangamon | County' }] },
          { paragraph: 'cover-page/Data residency', text: '', rowsAfter: [{ label: 'Data location', text: 'Illinois' }] },
        ],
      },
      asRendered,
    );
    const dataReturn = plain.markdown.split('\n').find((l) => l.startsWith('| Data return |'))!;
    expect(markdown).toContain(dataReturn.replace('| Data return |', '| Data return \\*and\\* deletion |'));
    expect(markdown).toContain('| Law | the laws of Illinois |\n| Venue | Sangamon \\| County |\n');
    expect(markdown).not.toContain('| Data residency |');
    expect(markdown).toContain('| Data location | Illinois |');
    // Read with the template's keys, the blocks are the template's, plus the added rows under the row they follow.
    const outside = agreementBlocks(anchored, anchors).filter((b) => b.clause === undefined);
    expect(paragraphKeys).toHaveLength(outside.length);
    const keys = agreementBlocks(plain.anchored, plain.anchors).flatMap((b) => (b.clause === undefined ? [b.paragraph] : []));
    const expected = keys.flatMap((k) => (k === 'cover-page/Governing law' ? [k, k] : [k]));
    expect(paragraphKeys).toEqual(expected);
  });

  it('prints each paragraph a counterparty added after a block as its own (a list item marked `- ` as an item, in a clause too), the block kept as the template marks it up, keyed under it', () => {
    const contract = load('nordlicht-building-sensors');
    const plain = renderAgreement(contract, asRendered);
    const intro = agreementBlocks(plain.anchored, plain.anchors).find((b) => b.paragraph === 'cover-page#1')!;
    const item = agreementBlocks(plain.anchored, plain.anchors).find((b) => b.kind === 'item' && b.clause === undefined)!;
    const introText = blockText(intro.markdown, intro.kind).text;
    const itemText = blockText(item.markdown, item.kind).text;
    const { markdown, anchored, anchors, paragraphKeys } = renderAgreement(
      {
        ...contract,
        negotiatedWording: [
          { paragraph: 'cover-page#1', text: `${introText}\n\nThe Cover Page *prevails*.` },
          { paragraph: 'data-processing', text: 'Annex A: Data Processing Terms\n\nThis Annex binds affiliates.' },
          { paragraph: item.paragraph!, text: `- ${itemText}\n\n- Second item.\n\n\\- not an item` },
          { clause: 'audit/costs', text: 'Costs. Each party bears its own costs:\n\n- of its staff;\n\n- of its travel.\n\nNo other costs.' },
        ],
      },
      asRendered,
    );
    expect(markdown).toContain(`${withoutAnchorMarkup(intro.markdown)}\n\nThe Cover Page \\*prevails\\*.\n\n`);
    expect(markdown).toContain('# Annex A: Data Processing Terms {#data-processing}\n\nThis Annex binds affiliates.\n\n');
    expect(markdown).toContain(`${withoutAnchorMarkup(item.markdown)}\n- Second item.\n\n\\- not an item\n`);
    expect(markdown).toMatch(/\*\*\d+\.\d+\*\* \*\*Costs\.\*\* Each party bears its own costs:\n\n- of its staff;\n- of its travel\.\n\nNo other costs\./);
    const outside = agreementBlocks(anchored, anchors).filter((b) => b.clause === undefined);
    expect(paragraphKeys).toHaveLength(outside.length);
    const printed = new Map([
      ['cover-page#1', 2],
      ['data-processing', 2],
      [item.paragraph, 3],
    ]);
    const keys = agreementBlocks(plain.anchored, plain.anchors).flatMap((b) => (b.clause === undefined ? [b.paragraph] : []));
    expect(paragraphKeys).toEqual(keys.flatMap((k) => Array(printed.get(k) ?? 1).fill(k)));
  });

  it.skipIf(!hasSystemPandoc)('keeps a table whose header row was emptied a table, and drops an emptied body row (pandoc reads the tables)', () => {
    const contract = load('springfield-smartcam');
    const vendor = contract.parties.vendor.name;
    const buyer = contract.parties.buyer.name;
    const { markdown } = renderAgreement(
      {
        ...contract,
        negotiatedWording: [
          { paragraph: 'cover-page/Term', text: '' },
          { paragraph: 'cover-page/Data return', text: '' },
          { paragraph: `signatures/${buyer}`, text: '' },
        ],
      },
      asRendered,
    );
    const tables = (md: string) => {
      const html = spawnSync('pandoc', ['-f', 'markdown', '-t', 'html'], { input: md, encoding: 'utf8' }).stdout;
      return [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((t) => [...t[0].matchAll(/<tr/g)].length);
    };
    const before = tables(renderAgreement(contract, asRendered).markdown);
    expect(tables(markdown)).toEqual([before[0]! - 1, before[1]!]);
    expect(markdown).not.toContain('Data return');
    expect(markdown).toContain(`| ${buyer} |  |\n|:`);
    expect(markdown).not.toContain(`| ${buyer} | ${vendor} |`);
  });

  it.skipIf(!hasSystemPandoc)(
    "keeps the clause heading bold and a reference to a section this agreement has live, numbered as it is now (pandoc's HTML links it)",
    () => {
      const contract = load('springfield-smartcam');
      const { sections } = renderAgreement(contract, asRendered);
      const insurance = sections.find((s) => s.title.startsWith('Insurance'))!;
      const text = `Notice. Subject to Section 99 (${insurance.title}) and Section 3 (No Such Section), the Vendor shall notify the Buyer *promptly*.`;
      const { markdown } = renderAgreement({ ...contract, negotiatedWording: [{ clause: 'incidentResponse/notice', text }] }, asRendered);
      const line = markdown.split('\n').find((l) => l.includes('Subject to'))!;
      expect(line).toMatch(/^\*\*\d+\.1\*\* \*\*Notice\.\*\* Subject to /);
      expect(line).toContain(`[${insurance.label} (${insurance.title})](#${insurance.anchor}) and Section 3 (No Such Section), the Vendor`);
      expect(line).toContain('\\*promptly\\*');
      const html = spawnSync('pandoc', ['-f', 'markdown', '-t', 'html', '--wrap=none'], { input: markdown, encoding: 'utf8' }).stdout;
      expect(html).toContain(`<strong>Notice.</strong> Subject to <a href="#${insurance.anchor}">${insurance.label} (${insurance.title})</a>`);
    },
  );

  it('keys every block by clause or by paragraph, never by number, and reads its text', () => {
    const { anchored, anchors } = renderAgreement(load('springfield-smartcam'), asRendered);
    const blocks = agreementBlocks(anchored, anchors);
    const keys = blocks.map((b) => b.clause ?? b.paragraph);
    expect(keys).toContain('incidentResponse/notice');
    expect(keys).toContain('cover-page/Incident notice');
    expect(keys.every((k) => !/\d+\.\d+/.test(k!))).toBe(true);
    const row = blocks.find((b) => b.paragraph === 'cover-page/Incident notice')!;
    const { text, terms } = blockText(row.markdown, row.kind);
    expect(text).toBe('Incident notice within forty-eight (48) hours (Section 7 (Incident Response))');
    expect(text.slice(terms[0]!.start, terms[0]!.end)).toBe('forty-eight (48) hours');
  });
});
