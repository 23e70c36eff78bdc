/**
 * What a reader of a DOCX gets from it, independent of how the XML spells it: each paragraph's style,
 * heading outline level, list (its numbering format and start, lists numbered in order of appearance),
 * alignment and text runs with their bold/italic formatting; each table's header flag, rows and cell
 * texts; every bookmark with the text it spans; every hyperlink with its target (an anchor, or the
 * external address its relationship names) and text. Two writers agree when their views are equal.
 */
import { strFromU8, unzipSync } from 'fflate';

export type Run = [text: string, format: string];
export type ViewBlock =
  | { kind: 'p'; style: string; outline?: number; list?: string; align: string; runs: Run[] }
  | { kind: 'table'; header: boolean; rows: string[][] };

export interface DocxView {
  blocks: ViewBlock[];
  bookmarks: { name: string; text: string }[];
  links: { target: string; text: string }[];
  /** Tracked changes: `ins`/`del`, author, date, text. */
  changes: string[];
}

const decode = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#39);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&', '#39': "'" })[e]!);
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : undefined;
};

function outlineLevels(styles: string): Map<string, number> {
  const byId = new Map<string, { basedOn?: string; outline?: number }>();
  for (const m of styles.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(m[1]!, 'w:styleId');
    if (!id) continue;
    const outline = /<w:outlineLvl w:val="(\d+)"/.exec(m[2]!)?.[1];
    const basedOn = /<w:basedOn w:val="([^"]+)"/.exec(m[2]!)?.[1];
    byId.set(id, { ...(basedOn ? { basedOn } : {}), ...(outline !== undefined ? { outline: Number(outline) } : {}) });
  }
  const levels = new Map<string, number>();
  for (const id of byId.keys()) {
    let at: string | undefined = id;
    for (let depth = 0; at && depth < 20; depth++) {
      const style = byId.get(at);
      if (style?.outline !== undefined) {
        levels.set(id, style.outline);
        break;
      }
      at = style?.basedOn;
    }
  }
  return levels;
}

function listFormats(numbering: string): Map<string, string> {
  const abstracts = new Map<string, string>();
  for (const m of numbering.matchAll(/<w:abstractNum w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const lvl0 = /<w:lvl w:ilvl="0"[^>]*>([\s\S]*?)<\/w:lvl>/.exec(m[2]!)?.[1] ?? '';
    const fmt = /<w:numFmt w:val="([^"]*)"/.exec(lvl0)?.[1];
    const text = /<w:lvlText w:val="([^"]*)"/.exec(lvl0)?.[1];
    abstracts.set(m[1]!, `${fmt} ${fmt === 'bullet' ? 'bullet' : decode(text ?? '')}`);
  }
  const nums = new Map<string, string>();
  for (const m of numbering.matchAll(/<w:num w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstract = /<w:abstractNumId w:val="(\d+)"/.exec(m[2]!)?.[1] ?? '';
    const start =
      /<w:startOverride w:val="(\d+)"/.exec(m[2]!)?.[1] ?? /<w:start w:val="(\d+)"/.exec(numbering.split(`w:abstractNumId="${abstract}"`)[1] ?? '')?.[1] ?? '1';
    nums.set(m[1]!, `${abstracts.get(abstract)} from ${start}`);
  }
  return nums;
}

/** The reader's view of a DOCX (see the module comment). */
export function docxView(docx: Uint8Array): DocxView {
  const entries = unzipSync(docx);
  const part = (name: string) => (entries[name] ? strFromU8(entries[name]!) : '');
  const xml = part('word/document.xml');
  const outlines = outlineLevels(part('word/styles.xml'));
  const formats = listFormats(part('word/numbering.xml'));
  const rels = new Map([...part('word/_rels/document.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id'), attr(m[0], 'Target')]));
  const view: DocxView = { blocks: [], bookmarks: [], links: [], changes: [] };
  const listOrder: string[] = [];
  const open = new Map<string, { name: string; text: string }>();
  const links: { target: string; text: string }[] = [];
  const changes: { kind: string; text: string }[] = [];
  let paragraph: Extract<ViewBlock, { kind: 'p' }> | undefined;
  let table: { header: boolean; rows: string[][] } | undefined;
  let format = { b: false, i: false };
  let inRun = false;
  let cellText: string | undefined;
  const add = (text: string) => {
    for (const b of open.values()) b.text += text;
    for (const l of links) l.text += text;
    for (const c of changes) c.text += text;
    if (cellText !== undefined) cellText += text;
    if (!paragraph) return;
    const f = `${format.b ? 'b' : ''}${format.i ? 'i' : ''}`;
    const last = paragraph.runs.at(-1);
    if (last && last[1] === f) last[0] += text;
    else if (text) paragraph.runs.push([text, f]);
  };
  for (const m of xml.matchAll(/<(\/?)(w:[A-Za-z]+)\b([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, close, name, attrs = '', selfClose] = m;
    if (m[5] !== undefined) {
      if (inRun) add(decode(m[5]));
      continue;
    }
    const tag = m[0];
    if (name === 'w:p' && !close) {
      paragraph = { kind: 'p', style: 'Normal', align: 'left', runs: [] };
      if (selfClose) paragraph = undefined;
    } else if (name === 'w:p' && close && paragraph) {
      if (!table) view.blocks.push(paragraph);
      paragraph = undefined;
    } else if (name === 'w:pStyle' && paragraph) {
      paragraph.style = attr(tag, 'w:val')!;
      const outline = outlines.get(paragraph.style);
      if (outline !== undefined) paragraph.outline = outline;
    } else if (name === 'w:numId' && paragraph) {
      const id = attr(tag, 'w:val')!;
      if (!listOrder.includes(id)) listOrder.push(id);
      paragraph.list = `list ${listOrder.indexOf(id) + 1}: ${formats.get(id)}`;
    } else if (name === 'w:jc' && paragraph) paragraph.align = attr(tag, 'w:val')!;
    else if (name === 'w:r') {
      inRun = !close && !selfClose;
      format = { b: false, i: false };
    } else if ((name === 'w:b' || name === 'w:i') && inRun) format[name === 'w:b' ? 'b' : 'i'] = attr(tag, 'w:val') !== '0' && attr(tag, 'w:val') !== 'false';
    else if (name === 'w:t' || name === 'w:delText') {
      /* text follows */
    } else if (name === 'w:br' && inRun) add('\n');
    else if (name === 'w:bookmarkStart') open.set(attr(tag, 'w:id')!, { name: attr(tag, 'w:name')!, text: '' });
    else if (name === 'w:bookmarkEnd') {
      const b = open.get(attr(tag, 'w:id')!);
      open.delete(attr(tag, 'w:id')!);
      if (b) view.bookmarks.push(b);
    } else if (name === 'w:hyperlink') {
      if (!close) links.push({ target: attr(attrs, 'w:anchor') !== undefined ? `#${attr(attrs, 'w:anchor')}` : `${rels.get(attr(attrs, 'r:id'))}`, text: '' });
      else view.links.push(links.pop()!);
    } else if (name === 'w:ins' || name === 'w:del') {
      if (!close) changes.push({ kind: `${name.slice(2)} by ${attr(attrs, 'w:author')} at ${attr(attrs, 'w:date')}`, text: '' });
      else {
        const c = changes.pop()!;
        view.changes.push(`${c.kind}: ${c.text}`);
      }
    } else if (name === 'w:tbl') {
      if (!close) table = { header: false, rows: [] };
      else {
        view.blocks.push({ kind: 'table', ...table! });
        table = undefined;
      }
    } else if (name === 'w:tr' && !close && table) table.rows.push([]);
    else if (name === 'w:tblHeader' && table) table.header = true;
    else if (name === 'w:tc' && table) {
      if (!close) cellText = '';
      else {
        table.rows.at(-1)!.push(cellText ?? '');
        cellText = undefined;
      }
    }
  }
  return view;
}
