/**
 * XML of a counterparty's document, read without trusting it: a part that declares a DTD or an entity
 * is refused before it is parsed (a Word document never has one; an external entity could read a local
 * file or call a server, an internal one could expand a billion laughs), and the rest is parsed by
 * saxes, a strict, non-validating parser that resolves no entity beyond XML's five.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { CorruptMarkupError, ExternalEntityError } from '../errors.js';

const DTD = /<!\s*(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)\b/i;

/** Throws `import/external-entity` when `text` declares a DTD, an entity or other markup declarations. */
export function refuseDtd(text: string, name: string, part: string): void {
  if (DTD.test(text)) {
    throw new ExternalEntityError(`${name}: ${part} declares a DTD or entities (<!DOCTYPE …>), which a Word document never does; refused unread`);
  }
}

/** What a part's reader is told, in document order. */
export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/** Parses one part (already checked by {@link refuseDtd}); a malformed part is `import/corrupt`. */
export function parseXml(text: string, name: string, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => handlers.open(tag.name, tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handlers.close(tag.name));
  parser.on('text', (t) => handlers.text(t));
  parser.on('doctype', () => {
    failure ??= new ExternalEntityError(`${name}: ${part} declares a DTD`);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure instanceof ExternalEntityError) throw failure;
  if (failure) throw new CorruptMarkupError(`${name}: ${part} is not well-formed XML (${failure.message.split('\n')[0]})`, { cause: failure });
}
