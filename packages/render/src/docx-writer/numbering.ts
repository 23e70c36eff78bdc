/**
 * `word/numbering.xml` as pandoc writes it: the reference document's own definitions, then one
 * abstract definition per kind of list marker (bullets; decimal numbers with a period or a
 * parenthesis from a start number) and one `w:num` per list, numbered from 1001 in document order.
 */
import { attribute, childElements, rootStartTag } from './xml.js';

/** A list's marker as pandoc's writer keys it. */
export interface ListMarker {
  ordered: boolean;
  delimiter: '.' | ')';
  start: number;
}

/** pandoc's `listMarkerToId`: 991 for bullets, `99` + style 4 (decimal) + delimiter (1 `.`, 2 `)`) + start. */
export function abstractNumId(marker: ListMarker): string {
  return marker.ordered ? `994${marker.delimiter === '.' ? 1 : 2}${marker.start}` : '991';
}

const BULLETS = [
  ['\uf0b7', 'Symbol'],
  ['o', 'Courier New'],
  ['\uf0a7', 'Wingdings'],
] as const;

function level(marker: ListMarker, lvl: number): string {
  const indent = `<w:pPr><w:ind w:left="${lvl * 720 + 720}" w:hanging="360" /></w:pPr>`;
  if (!marker.ordered) {
    const [text, font] = BULLETS[lvl % 3]!;
    const rFonts = `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:cs="${font}" w:hint="default" />`;
    return `<w:lvl w:ilvl="${lvl}"><w:numFmt w:val="bullet" /><w:lvlText w:val="${text}" /><w:lvlJc w:val="left" />${indent}<w:rPr>${rFonts}</w:rPr></w:lvl>`;
  }
  const text = `%${lvl + 1}${marker.delimiter}`;
  return `<w:lvl w:ilvl="${lvl}"><w:start w:val="${marker.start}" /><w:numFmt w:val="decimal" /><w:lvlText w:val="${text}" /><w:lvlJc w:val="left" />${indent}</w:lvl>`;
}

function abstractNum(marker: ListMarker): string {
  const id = abstractNumId(marker);
  const levels = Array.from({ length: 9 }, (_, lvl) => level(marker, lvl)).join('');
  return `<w:abstractNum w:abstractNumId="${id}"><w:nsid w:val="${`A${id}`.padStart(8, '0')}" /><w:multiLevelType w:val="multilevel" />${levels}</w:abstractNum>`;
}

function num(marker: ListMarker, numId: number): string {
  const overrides = marker.ordered
    ? Array.from({ length: 9 }, (_, lvl) => `<w:lvlOverride w:ilvl="${lvl}"><w:startOverride w:val="${marker.start}" /></w:lvlOverride>`).join('')
    : '';
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractNumId(marker)}" />${overrides}</w:num>`;
}

const EMPTY = '<?xml version="1.0" encoding="UTF-8"?>\n<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:numbering>';

/** The numbering part for `lists` (the markers of the document's lists, in order), over the reference's. */
export function numberingXml(reference: string | undefined, lists: readonly ListMarker[]): string {
  const source = reference ?? EMPTY;
  const open = rootStartTag(source) ?? rootStartTag(EMPTY)!;
  // Definitions pandoc added to a reference made from one of its own documents are dropped, as pandoc does.
  const own = childElements(source).filter((e) => {
    const tag = e.xml.slice(0, e.xml.indexOf('>') + 1);
    const abstract = Number(attribute(tag, 'w:abstractNumId'));
    const id = Number(attribute(tag, 'w:numId'));
    return e.name === 'w:abstractNum' ? !(abstract >= 990) : e.name === 'w:num' ? !(id >= 1000) : true;
  });
  const abstracts = [...new Map(lists.map((m) => [abstractNumId(m), m])).values()].map(abstractNum);
  const ownAbstracts = own.filter((e) => e.name === 'w:abstractNum').map((e) => e.xml);
  const ownNums = own.filter((e) => e.name === 'w:num').map((e) => e.xml);
  const nums = lists.map((m, i) => num(m, 1001 + i));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}${[...ownAbstracts, ...abstracts, ...ownNums, ...nums].join('')}</w:numbering>`;
}
