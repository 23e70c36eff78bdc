import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { updateContractYaml } from '../src/index.js';

const ROOT = join(import.meta.dirname, '../../..');

/** A contract written by hand: comments everywhere, keys in an unusual order, flow and block styles, folded text. */
const HAND_WRITTEN = `# Our notes on the deal.
terms:   # keys before the parties, on purpose
  audit:
    frequency: annual      # the vendor wanted for-cause
    onSiteNoticeDays: 30
    onSite: true
  incidentResponse: { cooperation: true, notificationHours: 48 }
  securityProgram:
    frameworks:
      - NIST-CSF-2.0   # the city's standard
      - NISTIR-8259A
    standard: named-framework
id: hand-written
parties:
  vendor: { name: "Acme Cameras Inc.", jurisdiction: US-DE }
notes: >-
  A folded paragraph that the yaml library would re-fold at eighty columns if it were asked to print this whole document again.
`;

/** The text with `edits` applied as line replacements: what a byte-for-byte round trip must give. */
const withLines = (text: string, edits: [string, string][]) => edits.reduce((t, [from, to]) => t.replace(from, to), text);

describe('the YAML is updated in place', () => {
  it('changes only the changed values: comments, key order, quoting, flow style and folded text stay byte for byte', () => {
    const out = updateContractYaml(
      HAND_WRITTEN,
      [
        { path: 'terms.audit.onSiteNoticeDays', to: 60 },
        { path: 'terms.audit.frequency', to: 'for-cause' },
        { path: 'terms.incidentResponse.notificationHours', to: 72 },
        { path: 'parties.vendor.name', to: 'Acme Cameras LLC' },
      ],
      [],
    );
    expect(out).toBe(
      withLines(HAND_WRITTEN, [
        ['onSiteNoticeDays: 30', 'onSiteNoticeDays: 60'],
        ['frequency: annual ', 'frequency: for-cause '],
        ['notificationHours: 48 }', 'notificationHours: 72 }'],
        ['"Acme Cameras Inc."', '"Acme Cameras LLC"'],
      ]),
    );
  });

  it('removes a key with its line, adds one beside its siblings, and edits lists in their own style', () => {
    const out = updateContractYaml(
      HAND_WRITTEN,
      [
        { path: 'terms.audit.onSite', to: undefined },
        { path: 'terms.audit.accessLogReview', to: false },
        { path: 'terms.incidentResponse.remediationCostsBorneBy', to: 'shared' },
        { path: 'terms.securityProgram.frameworks', to: ['NIST-CSF-2.0'] },
      ],
      [],
    );
    expect(out).toBe(
      withLines(HAND_WRITTEN, [
        ['    onSite: true\n', '    accessLogReview: false\n'],
        ['notificationHours: 48 }', 'notificationHours: 48, remediationCostsBorneBy: shared }'],
        ['      - NISTIR-8259A\n', ''],
      ]),
    );
  });

  it('appends negotiated wording as one block at the end, and merges it with what is there on the next import', () => {
    const once = updateContractYaml(
      HAND_WRITTEN,
      [],
      [{ clause: 'audit/costs', text: 'Costs. Each party bears its own costs.\n\nNo exceptions.', proposedBy: 'Marcus Lee', tracked: true }],
    );
    expect(once.startsWith(HAND_WRITTEN)).toBe(true);
    expect(parse(once).negotiatedWording).toEqual([
      { clause: 'audit/costs', text: 'Costs. Each party bears its own costs.\n\nNo exceptions.', proposedBy: 'Marcus Lee', tracked: true },
    ]);
    const twice = updateContractYaml(
      once,
      [],
      [
        { clause: 'audit/costs', comments: [{ author: 'Dana', text: 'Agreed.' }] },
        { paragraph: 'cover-page/Data return', text: 'within ninety (90) days' },
      ],
    );
    expect(twice.startsWith(HAND_WRITTEN)).toBe(true);
    expect(parse(twice).negotiatedWording).toEqual([
      {
        clause: 'audit/costs',
        text: 'Costs. Each party bears its own costs.\n\nNo exceptions.',
        proposedBy: 'Marcus Lee',
        tracked: true,
        comments: [{ author: 'Dana', text: 'Agreed.' }],
      },
      { paragraph: 'cover-page/Data return', text: 'within ninety (90) days' },
    ]);
  });

  it("restates a row's label and added rows with each change to the row, keeps its text, and drops an entry left with nothing", () => {
    const once = updateContractYaml(
      HAND_WRITTEN,
      [],
      [
        { paragraph: 'cover-page/Data return', label: 'Data return and deletion', rowsAfter: [{ label: 'Venue', text: 'Springfield' }], tracked: true },
        { clause: 'audit/costs', text: 'Costs. Ours.', restates: [{ term: 'terms.audit.onSiteNoticeDays', said: 'ten' }], tracked: true },
      ],
    );
    // The vendor relabels the row again and drops the row it added; rewords the clause without restating a term.
    const twice = updateContractYaml(
      once,
      [],
      [
        { paragraph: 'cover-page/Data return', label: 'Return of data', tracked: true },
        { clause: 'audit/costs', text: 'Costs. Each its own.', tracked: true },
      ],
    );
    expect(parse(twice).negotiatedWording).toEqual([
      { paragraph: 'cover-page/Data return', label: 'Return of data', tracked: true },
      { clause: 'audit/costs', text: 'Costs. Each its own.', tracked: true },
    ]);
    // The label put back to the template's: nothing is left to print, so the entry goes; then the last one, and the key.
    const thrice = updateContractYaml(twice, [], [{ paragraph: 'cover-page/Data return', tracked: true }]);
    expect(parse(thrice).negotiatedWording).toEqual([{ clause: 'audit/costs', text: 'Costs. Each its own.', tracked: true }]);
    const cleared = updateContractYaml(thrice, [], [{ paragraph: 'cover-page/Data return', tracked: true }]);
    expect(cleared).toBe(thrice);
  });

  it.each(['springfield-smartcam', 'nordlicht-building-sensors', 'bright-smile-sterilizer'])('keeps every other byte of the bundled %s', (name) => {
    const text = readFileSync(join(ROOT, 'contracts', `${name}.yaml`), 'utf8');
    const value = parse(text);
    const hours = value.terms.incidentResponse.notificationHours;
    const out = updateContractYaml(text, [{ path: 'terms.incidentResponse.notificationHours', to: hours + 24 }], []);
    expect(out).toBe(text.replace(`notificationHours: ${hours}`, `notificationHours: ${hours + 24}`));
  });
});
