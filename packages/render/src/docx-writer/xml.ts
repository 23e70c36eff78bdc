/** The little XML the DOCX writer needs: escaping, and the top-level elements of a part it copies from. */

// Characters XML 1.0 cannot carry at all (pandoc drops them too); lone surrogates become U+FFFD.
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SPECIAL = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

// Most text needs none of it: one test spares three replaces.
const CLEAN = /^[^&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]*$/;

/** Text or an attribute value, escaped for XML (invalid characters dropped). */
export function escapeXml(text: string): string {
  if (CLEAN.test(text)) return text;
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(INVALID, '')
    .replace(SPECIAL, (c) => ENTITY[c]!);
}

export interface XmlElement {
  /** Qualified name, `w:sectPr`. */
  name: string;
  /** The element's source, start tag to end tag. */
  xml: string;
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([\w.:-]+)[^>]*?(\/?)>/g;

/** Every element of `xml` with its depth (0 = the root), in document order. */
function* elements(xml: string): Generator<XmlElement & { depth: number; start: number }> {
  const open: { name: string; start: number }[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    if (!m[2]) continue;
    if (m[1]) {
      const top = open.pop();
      if (top) yield { name: top.name, xml: xml.slice(top.start, m.index + m[0].length), depth: open.length, start: top.start };
    } else if (m[3]) yield { name: m[2], xml: m[0], depth: open.length, start: m.index };
    else open.push({ name: m[2], start: m.index });
  }
}

/** The root element's start tag (`<w:settings xmlns:w="…">`), or undefined. */
export function rootStartTag(xml: string): string | undefined {
  for (const m of xml.matchAll(TOKEN)) if (m[2] && !m[1]) return m[3] ? m[0].replace(/\s*\/>$/, '>') : m[0];
  return undefined;
}

/** The root's child elements, in order. */
export function childElements(xml: string): XmlElement[] {
  const out: { name: string; xml: string; start: number }[] = [];
  for (const e of elements(xml)) if (e.depth === 1) out.push(e);
  // An element is yielded when it ends: put them back in the order they start.
  return out.sort((a, b) => a.start - b.start).map(({ name, xml: text }) => ({ name, xml: text }));
}

/** The first element named `name` anywhere in `xml` (in document order of start tags), or undefined. */
export function firstElement(xml: string, name: string): string | undefined {
  let best: { start: number; xml: string } | undefined;
  for (const e of elements(xml)) if (e.name === name && (!best || e.start < best.start)) best = e;
  return best?.xml;
}

/** The value of attribute `name` in a start tag, unescaped. */
export function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  const raw = m ? (m[2] ?? m[3] ?? '') : undefined;
  return raw?.replace(/&(lt|gt|quot|apos|amp);/g, (_e, n: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[n]!);
}
