import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { hasSystemPandoc, skipReason, zipText } from './helpers.js';

const DOC = '# Term\n\nThe Agreement runs for [24]{.insertion author="Vendor" date="2026-01-02T00:00:00Z"} months.\n';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('deterministic DOCX', () => {
  it.skipIf(!hasSystemPandoc)(`system pandoc: byte-identical output with SOURCE_DATE_EPOCH${skipReason('system')}`, async () => {
    const options = { from: 'markdown', to: 'docx', backend: 'system', sourceDateEpoch: 1_767_225_600 } as const;
    const first = await convert(DOC, options);
    await sleep(2100); // zip timestamps have two-second resolution
    const second = await convert(DOC, options);
    expect(Buffer.from(second.output).equals(Buffer.from(first.output))).toBe(true);
    expect(zipText(first.output, 'docProps/core.xml')).toContain('2026-01-01T00:00:00Z');
  });

  it.skipIf(!hasSystemPandoc)(`system pandoc: sourceDateEpoch null stamps the current time${skipReason('system')}`, async () => {
    const result = await convert(DOC, { from: 'markdown', to: 'docx', backend: 'system', sourceDateEpoch: null });
    expect(zipText(result.output, 'docProps/core.xml')).toContain(`${new Date().getUTCFullYear()}-`);
  });

  // pandoc-wasm runs with an empty environment, so SOURCE_DATE_EPOCH cannot reach it: the document
  // body is stable but docProps/core.xml and the zip timestamps carry the current time.
  it('wasm: document.xml is stable across calls (the zip as a whole is not)', async () => {
    const options = { from: 'markdown', to: 'docx', backend: 'wasm' } as const;
    const first = await convert(DOC, options);
    const second = await convert(DOC, options);
    expect(zipText(second.output, 'word/document.xml')).toBe(zipText(first.output, 'word/document.xml'));
  });
});
