import { afterEach, describe, expect, it, vi } from 'vitest';
import { convert, pandocInfo, PandocConversionError, PandocUnavailableError } from '../src/index.js';
import { BACKENDS, hasSystemPandoc, skipReason } from './helpers.js';

afterEach(() => vi.unstubAllEnvs());

describe('unavailable backends', () => {
  it('names the missing binary and how to install pandoc', async () => {
    vi.stubEnv('CONTRACTS_PANDOC_PATH', '/nonexistent/pandoc');
    const error = await convert('x', { from: 'markdown', to: 'html', backend: 'system' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PandocUnavailableError);
    expect(error).toMatchObject({ code: 'pandoc/unavailable', exitCode: 2 });
    expect((error as Error).message).toContain('/nonexistent/pandoc');
    expect((error as Error).message).toMatch(/Install pandoc/);
    expect((error as Error).message).toMatch(/pandoc-wasm/);
  });

  it('rejects a binary that is not pandoc', async () => {
    const error = await pandocInfo({ backend: 'system', pandocPath: process.execPath }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PandocUnavailableError);
  });

  it('rejects an unknown CONTRACTS_PANDOC_BACKEND', async () => {
    vi.stubEnv('CONTRACTS_PANDOC_BACKEND', 'docker');
    await expect(convert('x', { from: 'markdown', to: 'html' })).rejects.toMatchObject({ code: 'pandoc/bad-backend' });
  });

  it('auto falls back to wasm when the system binary is missing', async () => {
    const info = await pandocInfo({ backend: 'auto', pandocPath: '/nonexistent/pandoc' });
    expect(info.backend).toBe('wasm');
  });

  it('CONTRACTS_PANDOC_BACKEND selects the backend', async () => {
    vi.stubEnv('CONTRACTS_PANDOC_BACKEND', 'wasm');
    expect((await pandocInfo()).backend).toBe('wasm');
  });
});

describe.each(BACKENDS)('%s backend conversion errors', (backend) => {
  const skip = backend === 'system' && !hasSystemPandoc;

  it.skipIf(skip)(`bad DOCX input is a PandocConversionError carrying pandoc's message${skipReason(backend)}`, async () => {
    const error = await convert(new Uint8Array([1, 2, 3]), { from: 'docx', to: 'markdown', backend }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PandocConversionError);
    expect(error).toMatchObject({ code: 'pandoc/failed', exitCode: 2 });
    expect((error as PandocConversionError).stderr).toMatch(/docx/i);
  });

  it.skipIf(skip)(`an unknown format is a PandocConversionError${skipReason(backend)}`, async () => {
    // Deliberately outside the typed union, as a JavaScript caller might pass it.
    const error = await convert('x', { from: 'nosuchformat' as 'markdown', to: 'html', backend }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PandocConversionError);
    expect((error as Error).message).toMatch(/nosuchformat/);
  });

  it.skipIf(skip)(`a missing reference doc is a PandocConversionError${skipReason(backend)}`, async () => {
    const error = await convert('x', { from: 'markdown', to: 'docx', backend, referenceDoc: '/nonexistent/ref.docx' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PandocConversionError);
  });

  it.skipIf(skip)(`an invalid extension name is rejected before pandoc runs${skipReason(backend)}`, async () => {
    await expect(convert('x', { from: 'markdown', to: 'html', backend, extensions: { 'smart --lua-filter=x': true } })).rejects.toMatchObject({
      code: 'pandoc/bad-option',
    });
  });

  it.skipIf(skip)(`the backend still works after a failure${skipReason(backend)}`, async () => {
    await convert('x', { from: 'nosuchformat' as 'markdown', to: 'html', backend }).catch(() => undefined);
    expect((await convert('ok', { from: 'markdown', to: 'plain', backend })).text().trim()).toBe('ok');
  });
});
