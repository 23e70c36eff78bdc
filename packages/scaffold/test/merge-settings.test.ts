import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { mergeEditorSettings } from '../src/merge-settings.js';

const ours = readFileSync(join(import.meta.dirname, '../files/.vscode/settings.json'), 'utf8');
const oursValue = JSON.parse(ours) as Record<string, unknown>;

describe('merging our VS Code settings into the user’s', () => {
  it('keeps their comments, trailing commas and values, and adds what they lack (read back by VS Code’s own parser)', () => {
    const theirs = [
      '{',
      '  // Our house style',
      '  "editor.fontSize": 15,',
      '  "yaml.schemas": {',
      '    "https://json.schemastore.org/github-workflow.json": ".github/workflows/*.yml", /* CI */',
      '  },',
      '  "yaml.validate": false,',
      '}',
      '',
    ].join('\n');
    const merged = mergeEditorSettings(theirs, ours)!;
    expect(merged).toContain('// Our house style');
    expect(merged).toContain('/* CI */');
    expect(merged.endsWith('\n')).toBe(true);
    expect(parse(merged, [], { allowTrailingComma: true })).toEqual({
      ...oursValue,
      'editor.fontSize': 15,
      'yaml.validate': false, // theirs wins
      'yaml.schemas': { 'https://json.schemastore.org/github-workflow.json': '.github/workflows/*.yml', ...(oursValue['yaml.schemas'] as object) },
    });
    // Merging again changes nothing.
    expect(mergeEditorSettings(merged, ours)).toBe(merged);
  });

  it('appends missing recommendations to their list, once', () => {
    const theirs = '{\n  "recommendations": [\n    "esbenp.prettier-vscode", // formatter\n    "redhat.vscode-yaml"\n  ]\n}\n';
    const merged = mergeEditorSettings(theirs, JSON.stringify({ recommendations: ['redhat.vscode-yaml', 'biomejs.biome'] }))!;
    expect(merged).toContain('// formatter');
    expect(parse(merged)).toEqual({ recommendations: ['esbenp.prettier-vscode', 'redhat.vscode-yaml', 'biomejs.biome'] });
  });

  it('leaves alone a file it cannot read, or one that is not an object', () => {
    expect(mergeEditorSettings('{ "a": 1, oops }', ours)).toBeUndefined();
    expect(mergeEditorSettings('[1, 2]', ours)).toBeUndefined();
    expect(mergeEditorSettings('', ours)).toBeUndefined();
  });
});
