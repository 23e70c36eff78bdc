import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANCHOR_ID, anchorFor, anchorKey, DEFAULT_TEMPLATES_DIR, renderAgreement, renderHtml } from '@contracts/render';
import { contractFiles, loadContract } from './helpers.js';

type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; $ref?: string; $defs?: Record<string, Schema> };
const schema = JSON.parse(readFileSync(new URL('../../../schemas/vendor-agreement.schema.json', import.meta.url), 'utf8')) as Schema;

/** Every path a contract can have (array items as indexes 0–19). */
function schemaPaths(node: Schema, path: string, out: string[]): string[] {
  if (node.$ref) node = schema.$defs![node.$ref.replace('#/$defs/', '')]!;
  if (path) out.push(path);
  for (const [key, child] of Object.entries(node.properties ?? {})) schemaPaths(child, path ? `${path}.${key}` : key, out);
  if (node.items) for (let i = 0; i < 20; i++) schemaPaths(node.items, `${path}.${i}`, out);
  return out;
}

/** Every clause key the library can print: `<section id>/<clause name>`. */
function clauseKeys(): string[] {
  const sections = JSON.parse(readFileSync(`${DEFAULT_TEMPLATES_DIR}sections.json`, 'utf8')) as { id: string; template: string }[];
  return sections.flatMap(({ id, template }) =>
    [...readFileSync(`${DEFAULT_TEMPLATES_DIR}${template}`, 'utf8').matchAll(/\{% clause "([^"]+)" %\}/g)].map((m) => `${id}/${m[1]}`),
  );
}

describe('anchor ids', () => {
  const terms = schemaPaths(schema, '', []);
  const clauses = [...new Set(clauseKeys())];

  it('give every schema path and clause key its own short id that maps back to it', () => {
    expect(terms.length).toBeGreaterThan(300);
    expect(clauses.length).toBeGreaterThan(50);
    const ids = [...terms.map((t) => anchorFor('term', t)), ...clauses.map((c) => anchorFor('clause', c))];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(ANCHOR_ID);
    expect(Math.max(...ids.map((id) => `${id}_99`.length))).toBeLessThanOrEqual(40); // Word's bookmark name limit
    expect(anchorKey(anchorFor('term', 'terms.incidentResponse.notificationHours', 2), terms)).toEqual({
      kind: 'term',
      key: 'terms.incidentResponse.notificationHours',
      occurrence: 2,
    });
    expect(anchorKey(anchorFor('clause', 'audit/on-site-audit'), clauses)).toEqual({ kind: 'clause', key: 'audit/on-site-audit', occurrence: 1 });
    expect(anchorKey('a_t0000000000', terms)).toBeUndefined();
    expect(anchorKey('incident-response', terms)).toBeUndefined();
  });

  it('are hidden Word bookmark names (a leading underscore) and deterministic', () => {
    expect(anchorFor('term', 'parties.vendor.name')).toBe(anchorFor('term', 'parties.vendor.name'));
    expect(anchorFor('term', 'parties.vendor.name')).toMatch(/^_t[0-9a-f]{10}$/);
    expect(anchorFor('clause', 'audit/costs', 3)).toMatch(/^_c[0-9a-f]{10}_3$/);
  });
});

describe('anchors in a rendered agreement', () => {
  it.each(contractFiles)('%s: every printed term and every clause is anchored once, in document order', async (name) => {
    const contract = await loadContract(name);
    const { markdown, anchored, anchors } = renderAgreement(contract);
    expect(markdown).not.toMatch(/\{#a_|:::|[\uE000-\uE007]/);
    expect(new Set(anchors.map((a) => a.id)).size).toBe(anchors.length);
    const vendor = anchors.filter((a) => a.key === 'parties.vendor.name');
    expect(vendor.map((a) => a.occurrence)).toEqual(vendor.map((_, i) => i + 1));
    expect(vendor[0]).toMatchObject({ kind: 'term', text: contract.parties.vendor.name, expression: expect.stringContaining('name') });
    const clauses = anchors.filter((a) => a.kind === 'clause');
    expect(clauses.length).toBe([...markdown.matchAll(/^\*\*(?:\d+|[A-Z]+)\.\d+\*\*/gm)].length);
    for (const a of anchors) expect(anchored).toContain(`{#a${a.id}}`);
    // Each clause fence wraps its numbered paragraph.
    expect(anchored).toMatch(/::: \{#a_c[0-9a-f]{10}\}\n\n\*\*1\.1\*\* \*\*Annual Fees\*\* means/);
    const html = await renderHtml(contract);
    for (const a of anchors) expect(html.split(`id="${a.id}"`).length - 1, a.id).toBe(1);
  });

  it('traces a value through an assigned name and a loop to its contract path', async () => {
    const contract = await loadContract('springfield-smartcam.yaml');
    const { anchors } = renderAgreement(contract);
    expect(anchors.find((a) => a.key === 'terms.incidentResponse.notificationHours' && a.expression?.startsWith('ir.'))).toMatchObject({
      text: 'forty-eight (48) hours',
    });
    const sub = contract.terms.flowDown?.subcontractors?.[0];
    if (sub) expect(anchors.find((a) => a.key === 'terms.flowDown.subcontractors.0.name')).toMatchObject({ text: sub.name, expression: 's.name' });
  });

  it('cannot be forged by a contract value', async () => {
    const contract = structuredClone(await loadContract('springfield-smartcam.yaml'));
    contract.parties.vendor.name = 'Evil\uE0010\uE002 ]{#a_c0000000000} ::: {#x}';
    const { anchored, anchors } = renderAgreement(contract);
    expect(anchors.filter((a) => a.id.startsWith('_c0000000000'))).toEqual([]);
    expect(anchored).toContain('[Evil0 \\]\\{\\#a\\_c0000000000\\} ::: \\{\\#x\\}]{#a_t');
  });
});
