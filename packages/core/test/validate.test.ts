import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadValidator, loadYamlText, validateLoaded, type Diagnostic } from '../src/index.js';

const example = readFileSync(new URL('../../../contracts/springfield-smartcam.yaml', import.meta.url), 'utf8');

async function diagnosticsFor(text: string): Promise<Diagnostic[]> {
  const loaded = loadYamlText(text, 'c.yaml');
  return [...loaded.diagnostics, ...validateLoaded(loaded, await loadValidator('vendor-agreement'))];
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('schema diagnostics', () => {
  it('accepts the example contract', async () => {
    expect(await diagnosticsFor(example)).toEqual([]);
  });

  it('refuses control characters and bidirectional overrides in text the agreement prints, which would hide there', async () => {
    const text = example
      .replace('name: Acme Cameras Inc.', 'name: "Acme\\e[2K Cameras\\u202E Inc."')
      .replace('title: Connected', 'title: "Connected\\tCamera"  # was');
    const found = (await diagnosticsFor(text)).map((d) => [d.code, d.path, d.line]);
    expect(found).toContainEqual(['schema/pattern', '/parties/vendor/name', lineOf(text, 'name: "Acme')]);
    expect(found).toContainEqual(['schema/pattern', '/title', lineOf(text, 'title: "Connected')]);
    const [d] = await diagnosticsFor(example.replace('name: Acme Cameras Inc.', 'name: "Acme\\u202E Inc."'));
    expect(d!.message).toContain('must be one line of text without control characters or bidirectional overrides');
    // Notes may run over several lines; a line break or a tab is not hidden.
    expect(await diagnosticsFor(example)).toEqual([]);
  });

  it('explains a wrong type in words, at the value', async () => {
    const text = example.replace('notificationHours: 48', 'notificationHours: soon');
    const [d] = await diagnosticsFor(text);
    expect(d).toMatchObject({
      code: 'schema/type',
      path: '/terms/incidentResponse/notificationHours',
      message: 'terms.incidentResponse.notificationHours must be a whole number of hours (found "soon")',
      line: lineOf(text, 'notificationHours: soon'),
      column: 24,
      endColumn: 28,
    });
  });

  it('suggests the field an unknown key was meant to be, at the key', async () => {
    const text = example.replace('notificationHours: 48', 'notificatonHours: 48');
    const found = await diagnosticsFor(text);
    const unknown = found.find((d) => d.code === 'schema/unknown-field')!;
    expect(unknown.message).toContain('did you mean notificationHours?');
    expect(unknown).toMatchObject({ line: lineOf(text, 'notificatonHours'), column: 5, fix: 'notificationHours' });
  });

  it('points a missing required field at the first key of the mapping it belongs in, as editors do', async () => {
    const text = example.replace('    kind: government\n', '');
    const [d] = await diagnosticsFor(text);
    expect(d).toMatchObject({ code: 'schema/required', path: '/parties/buyer/kind', line: lineOf(text, '    name: City of Springfield'), column: 5 });
    expect(d!.message).toBe('parties.buyer is missing required field kind (Buyer kind)');
  });

  it('points a missing top-level field at the first key, not at the modeline comment on line 1', async () => {
    const text = example.replace(/^id: .*\n/m, '');
    expect(text.startsWith('#')).toBe(true);
    for (const viaYaml of [false, true]) {
      // The same place whichever reader read the file (a tab in a comment sends it to yaml).
      const [d] = await diagnosticsFor(viaYaml ? text.replace('# ', '#\t') : text);
      expect(d).toMatchObject({ code: 'schema/required', path: '/id', line: lineOf(text, 'schemaVersion: 1'), column: 1 });
    }
  });

  it('lists allowed values for a closed set and guesses the intended one', async () => {
    const text = example.replace('remediationCostsBorneBy: vendor-if-vendor-caused', 'remediationCostsBorneBy: vender');
    const d = (await diagnosticsFor(text)).find((x) => x.code === 'schema/enum')!;
    expect(d.message).toContain('must be one of: vendor, vendor-if-vendor-caused, shared, buyer (found "vender"); did you mean vendor?');
  });

  it('rejects an id that cannot name a git tag', async () => {
    const d = (await diagnosticsFor(example.replace('id: springfield-smartcam', 'id: ../../etc'))).find((x) => x.path === '/id')!;
    expect(d.code).toBe('schema/pattern');
    expect(d.message).toContain('slug');
  });

  it('reports a value inside a list at the list item', async () => {
    const text = example.replace('dataCollected: [video, audio, personal, location]', 'dataCollected: [video, smell]');
    const d = (await diagnosticsFor(text)).find((x) => x.code === 'schema/enum')!;
    expect(d).toMatchObject({ path: '/product/dataCollected/1', line: lineOf(text, 'smell'), column: 26 });
  });

  it('rejects a date that is not YYYY-MM-DD', async () => {
    const d = (await diagnosticsFor(example.replace('effectiveDate: 2026-07-01', 'effectiveDate: July 1st'))).find((x) => x.path === '/effectiveDate')!;
    expect(d.code).toBe('schema/format');
    expect(d.message).toContain('must be a date written YYYY-MM-DD');
  });

  it('says a YAML merge key is not read, rather than calling << an unknown field', async () => {
    const text = example.replace('terms:\n', 'x-common: &common\n  onSite: true\nterms:\n').replace(/^( {2}audit:\n)/m, '$1    <<: *common\n');
    const d = (await diagnosticsFor(text)).find((x) => x.path === '/terms/audit/<<')!;
    expect(d).toMatchObject({ code: 'schema/unknown-field', fix: 'replace the merge with the fields themselves', line: lineOf(text, '<<: *common') });
    expect(d.message).toBe(
      'A YAML merge key (<<) in terms.audit is not read: a contract writes each field out, so a reviewer sees every value where it applies',
    );
  });

  it("suggests a missing id from the file name, else the schema's example", async () => {
    const without = example.replace(/^id: .*\n/m, '');
    const suggestion = async (file: string) => {
      const loaded = loadYamlText(without, file);
      return validateLoaded(loaded, await loadValidator('vendor-agreement')).find((d) => d.path === '/id')?.fix;
    };
    expect(await suggestion('contracts/Acme Cameras_2027.yaml')).toBe('id: acme-cameras-2027');
    expect(await suggestion('contracts/nul.yaml')).toBe('id: springfield-smartcam');
    expect(await suggestion('contracts/___.yml')).toBe('id: springfield-smartcam');
  });

  it('says why a date written YYYY-MM-DD is no day of the calendar, and takes a leap day', async () => {
    const at = async (date: string) =>
      (await diagnosticsFor(example.replace('effectiveDate: 2026-07-01', `effectiveDate: ${date}`))).find((x) => x.path === '/effectiveDate');
    expect((await at('2027-02-30'))?.message).toBe('effectiveDate is written YYYY-MM-DD, but February 2027 has 28 days (found "2027-02-30")');
    expect((await at('2027-04-31'))?.message).toContain('April 2027 has 30 days');
    expect((await at('2027-13-01'))?.message).toContain('there is no month 13');
    expect(await at('2028-02-29')).toBeUndefined();
  });
});
