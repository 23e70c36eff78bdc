import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readProvenance } from '@contracts/render';
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

  it('records no commit for a file with uncommitted edits (import then asks for --base)', async () => {
    writeFile(repo, file, `${readFileSync(join(repo.dir, file), 'utf8')}# a note not yet committed\n`);
    expect((await render('edited.docx')).exitCode).toBe(0);
    const provenance = readProvenance(readFileSync(join(repo.dir, 'edited.docx')));
    expect(provenance?.contractId).toBe('springfield-smartcam');
    expect(provenance?.commit).toBeUndefined();
    expect(provenance?.round).toBeUndefined();
  });
});
