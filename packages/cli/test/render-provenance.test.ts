import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readProvenance } from '@contracts/render';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { springfieldNegotiation, writeFile } from './git-fixture.js';
import { runCli } from './run-cli.js';

// The Word document a negotiator sends records which version it is, so `contracts import` finds the
// base of the vendor's markup without being told (issue 12).
describe('render --to docx records the version it was rendered from', () => {
  const { repo, file, commits } = springfieldNegotiation({ tagRounds: true });
  afterAll(() => repo.cleanup());
  const render = (out: string) => runCli(['render', file, '--to', 'docx', '--out', out], { cwd: repo.dir, env: repo.env });

  it('names the round whose version the file is, with its commit', async () => {
    expect((await render('round-3.docx')).exitCode).toBe(0);
    const provenance = readProvenance(readFileSync(join(repo.dir, 'round-3.docx')));
    expect(provenance).toMatchObject({ contractId: 'springfield-smartcam', commit: commits.at(-1), round: 3, ref: 'springfield-smartcam/round-3' });
  });

  it('is dated by that commit, not by an effective date that may lie ahead, unless SOURCE_DATE_EPOCH is set', async () => {
    const dated = async (name: string, env: Record<string, string | undefined>) => {
      expect((await runCli(['render', file, '--to', 'docx', '--out', name], { cwd: repo.dir, env: { ...repo.env, ...env } })).exitCode).toBe(0);
      const docx = readFileSync(join(repo.dir, name));
      const core = strFromU8(unzipSync(docx)['docProps/core.xml']!);
      return { renderedAt: readProvenance(docx)?.renderedAt, created: /<dcterms:created[^>]*>([^<]+)</.exec(core)?.[1] };
    };
    // Round 3 was committed on 2024-03-15 (the fixture's author date); its effective date is another day.
    expect(await dated('by-commit.docx', { SOURCE_DATE_EPOCH: undefined })).toEqual({ renderedAt: '2024-03-15T10:00:00Z', created: '2024-03-15T10:00:00Z' });
    expect(await dated('by-env.docx', { SOURCE_DATE_EPOCH: '1775001600' })).toEqual({ renderedAt: '2026-04-01T00:00:00Z', created: '2026-04-01T00:00:00Z' });
  });

  it('records no commit for a file with uncommitted edits (import then asks for --base)', async () => {
    writeFile(repo, file, `${readFileSync(join(repo.dir, file), 'utf8')}# a note not yet committed\n`);
    expect((await render('edited.docx')).exitCode).toBe(0);
    const provenance = readProvenance(readFileSync(join(repo.dir, 'edited.docx')));
    expect(provenance?.contractId).toBe('springfield-smartcam');
    expect(provenance?.commit).toBeUndefined();
    expect(provenance?.round).toBeUndefined();
  });
});
