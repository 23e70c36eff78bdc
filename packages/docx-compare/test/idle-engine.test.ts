import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the engine thread', () => {
  it('never keeps a process alive while idle (a command that fails before comparing exits at once)', () => {
    // The built package, in a plain Node process: exactly what the CLI does when it warms the engine up.
    const script = `const { warmUpDocxCompare } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
      warmUpDocxCompare();`;
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 });
    expect(run.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
