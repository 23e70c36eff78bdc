// Regenerates templates/reference.docx from pandoc's default reference document with our styles:
// black headings, a serif body, a page break before each level-1 heading (so the Standard Terms start
// on their own page after the Cover Page), and ruled tables. Run: node packages/render/scripts/make-reference-doc.mjs
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { normalizeDocx, ZIP_EPOCH } from '../dist/normalize-docx.js';
import { zipSync } from 'fflate';

const out = new URL('../../../templates/reference.docx', import.meta.url);
const original = execFileSync('pandoc', ['--print-default-data-file', 'reference.docx']);
const entries = unzipSync(new Uint8Array(original));
let styles = strFromU8(entries['word/styles.xml']);

styles = styles.replace(/<w:color w:val="[0-9A-F]{6}" w:themeColor="accent1"( w:themeShade="[0-9A-F]+")? \/>/g, '<w:color w:val="000000" />');
styles = styles.replace(
  /(<w:rPrDefault>\s*<w:rPr>\s*)<w:rFonts [^>]*\/>\s*<w:sz w:val="24" \/>\s*<w:szCs w:val="24" \/>/,
  '$1<w:rFonts w:ascii="Georgia" w:hAnsi="Georgia" w:eastAsia="Georgia" w:cs="Georgia" />\n        <w:sz w:val="21" />\n        <w:szCs w:val="21" />',
);
// Elements keep the schema's order (ISO/IEC 29500 CT_PPrBase: keepNext, keepLines, pageBreakBefore…;
// CT_TblPr: …tblInd, tblBorders…): Word and validators reject other orders.
styles = styles.replace(
  /(<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<w:pPr>(?:\s*<w:keep(?:Next|Lines) \/>)*)/,
  '$1\n      <w:pageBreakBefore />',
);
styles = styles.replace(
  /(<w:style w:type="table" w:default="1" w:styleId="Table">[\s\S]*?<w:tblPr>[\s\S]*?<w:tblInd [^>]*\/>)/,
  '$1\n      <w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080" /><w:left w:val="single" w:sz="4" w:space="0" w:color="808080" /><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080" /><w:right w:val="single" w:sz="4" w:space="0" w:color="808080" /><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080" /><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080" /></w:tblBorders>',
);
entries['word/styles.xml'] = strToU8(styles);
writeFileSync(out, normalizeDocx(zipSync(entries), ZIP_EPOCH));
console.log(`wrote ${out.pathname}`);
