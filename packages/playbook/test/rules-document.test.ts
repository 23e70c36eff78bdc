import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeCondition, rulesDocument } from '../src/index.js';
import { repoRoot } from './helpers.js';

// Regenerate with UPDATE_GOLDEN=1 after changing a rule, then review the diff with counsel.
const update = process.env['UPDATE_GOLDEN'] === '1';

describe('the rules document (docs/law/rules.md)', () => {
  it('is the bundled playbook as it is now', () => {
    const document = rulesDocument(readFileSync(`${repoRoot}playbook.yaml`, 'utf8'));
    const file = `${repoRoot}docs/law/rules.md`;
    if (update) writeFileSync(file, document);
    expect(existsSync(file), `${file} is missing; run UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(document).toBe(readFileSync(file, 'utf8'));
  });

  it('reads conditions as typed', () => {
    expect(
      describeCondition({
        any: [
          { path: 'parties.buyer.kind', equals: 'government' },
          { path: 'a.b', in: ['x', 'y'] },
        ],
      }),
    ).toBe('any of (parties.buyer.kind is government; a.b is one of x, y)');
    expect(
      describeCondition({
        all: [
          { path: 'a', exists: false },
          { path: 'b', truthy: true },
        ],
      }),
    ).toBe('a is absent and b is set');
  });
});
