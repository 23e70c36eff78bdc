/**
 * The one HTML escaper: text and double- or single-quoted attribute values. Every HTML this toolkit
 * writes (the rendered agreement, the redline, report summaries) escapes through here.
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  if (!/[&<>"']/.test(text)) return text;
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
