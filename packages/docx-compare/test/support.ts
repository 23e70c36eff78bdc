import { strToU8, zipSync } from 'fflate';

/** A minimal WordprocessingML package with one paragraph per string (bold where marked `**…**`). */
export function docx(paragraphs: string[], documentXml?: string): Uint8Array {
  const runs = (text: string) =>
    text
      .split(/(\*\*[^*]+\*\*)/)
      .filter(Boolean)
      .map((part) =>
        part.startsWith('**')
          ? `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${part.slice(2, -2)}</w:t></w:r>`
          : `<w:r><w:t xml:space="preserve">${part}</w:t></w:r>`,
      )
      .join('');
  const body = paragraphs.map((p) => `<w:p>${runs(p)}</w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      documentXml ??
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
  });
}
