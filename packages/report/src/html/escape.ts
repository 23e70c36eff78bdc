import { terminalText } from '@contracts/format/escape';
import { escapeHtml } from '@contracts/render';

/**
 * Text from a contract, a commit or a tag, for HTML element content and double-quoted attributes:
 * control and bidi characters made visible (as `\x1B`, `\u202E`, so a vendor name cannot reorder the
 * text around it), then HTML-escaped. Nothing anyone wrote can become markup.
 */
export function text(value: unknown): string {
  const s = terminalText(value === undefined || value === null ? '' : String(value));
  // Nearly every value is clean: one test spares escapeHtml's four replaces (a report prints millions).
  return HTML_SPECIAL.test(s) ? escapeHtml(s) : s;
}

const HTML_SPECIAL = /[&<>"]/;

/** Like `text`, keeping line breaks as `<br>`. */
export const lines = (value: string): string =>
  value
    .split(/\r\n?|\n/)
    .map(text)
    .join('<br>');

/** `incidentResponse` → `Incident response`; `vendor-if-vendor-caused` → `vendor if vendor caused`. */
export function words(name: string): string {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
  return spaced;
}

export const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
