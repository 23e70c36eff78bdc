/**
 * `word/settings.xml` as pandoc 3 builds it: each setting it knows, in schema order, taken from the
 * reference document when it has one and from pandoc's own default reference document otherwise
 * (footnote and endnote properties are never copied: they can point at notes the document lacks).
 */
import { childElements, rootStartTag } from './xml.js';

/** The settings pandoc copies, in the order CT_Settings requires. */
const NAMES = (
  'writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries displayBackgroundShape ' +
  'printPostScriptOverText printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts saveSubsetFonts ' +
  'saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop ' +
  'hideSpellingErrors hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles ' +
  'stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView trackRevisions doNotTrackMoves ' +
  'doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation ' +
  'consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle ' +
  'evenAndOddHeaders bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing ' +
  'drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery ' +
  'doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData ' +
  'noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore ' +
  'savePreviewPicture doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText ' +
  'doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace ' +
  'updateFields hdrShapeDefaults compat docVars rsids attachedSchema themeFontLang clrSchemeMapping ' +
  'doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType ' +
  'shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator'
).split(' ');

/** pandoc 3's default reference document's settings (what it falls back to). */
const DEFAULTS = `<?xml version="1.0" encoding="UTF-8"?><w:settings xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:sl="http://schemas.openxmlformats.org/schemaLibrary/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w10="urn:schemas-microsoft-com:office:word"><w:zoom w:percent="100" /><w:embedSystemFonts /><w:proofState w:grammar="clean" w:spelling="clean" /><w:stylePaneFormatFilter w:val="0004" /><w:doNotTrackMoves /><w:defaultTabStop w:val="720" /><w:drawingGridHorizontalSpacing w:val="360" /><w:drawingGridVerticalSpacing w:val="360" /><w:displayHorizontalDrawingGridEvery w:val="0" /><w:displayVerticalDrawingGridEvery w:val="0" /><w:characterSpacingControl w:val="doNotCompress" /><w:savePreviewPicture /><w:rsids>
  </w:rsids><w:themeFontLang w:val="en-US" /><w:clrSchemeMapping w:accent1="accent1" w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" w:bg1="light1" w:bg2="light2" w:followedHyperlink="followedHyperlink" w:hyperlink="hyperlink" w:t1="dark1" w:t2="dark2" /><w:decimalSymbol w:val="." /><w:listSeparator w:val="," /></w:settings>`;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function byName(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of childElements(xml)) if (!map.has(localName(e.name))) map.set(localName(e.name), e.xml);
  return map;
}

const defaults = byName(DEFAULTS);

/** The settings part for a reference document's `word/settings.xml` (undefined: it has none). */
export function settingsXml(reference: string | undefined): string {
  const own = reference ? byName(reference) : new Map<string, string>();
  // The reference's root declares the namespaces its settings use.
  const open = (reference && rootStartTag(reference)) || rootStartTag(DEFAULTS)!;
  const children = NAMES.map((name) => own.get(name) ?? defaults.get(name) ?? '').join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}${children}</w:settings>`;
}
