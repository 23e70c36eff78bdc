import type { DiagnosticCode, Severity } from '@contracts/core';
import type { DocumentLine } from './document.js';

/** A problem on one line of the rendered agreement, before it is located in the contract or a template. */
export interface Finding {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  line: DocumentLine;
  /** The words at fault, as the reader sees them. */
  excerpt: string;
}
