import { describe, expect, it } from 'vitest';
import { escapeXml } from '../src/docx-writer/xml.js';

/** The escaper without its fast path for clean text: what every text must come out as. */
const escapedTheLongWay = (text: string) =>
  text
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

describe('escapeXml', () => {
  it('returns clean text as it is and escapes the rest as the full escaper does', () => {
    const texts = [
      'The Vendor shall notify the Buyer within seventy-two (72) hours.',
      '',
      'Smith & Sons <GmbH> "quoted"',
      'tab\tnewline\ncarriage\r kept',
      'bell\u0007 form\u000c feed dropped',
      'emoji 📷 kept whole',
      'lone \ud83d high and \udcf7 low surrogates',
      'reversed \udcf7\ud83d pair',
      'noncharacters \ufffe\uffff dropped',
      'right-to-left \u202e override and \u00a0 no-break space',
    ];
    for (const text of texts) expect({ text, escaped: escapeXml(text) }).toEqual({ text, escaped: escapedTheLongWay(text) });
    const clean = 'Clean text is the same string.';
    expect(escapeXml(clean)).toBe(clean);
  });

  it('agrees with the full escaper on every UTF-16 code unit', () => {
    for (let unit = 0; unit <= 0xffff; unit++) {
      const text = `a${String.fromCharCode(unit)}b`;
      if (escapeXml(text) !== escapedTheLongWay(text)) expect({ unit, escaped: escapeXml(text) }).toEqual({ unit, escaped: escapedTheLongWay(text) });
    }
  });
});
