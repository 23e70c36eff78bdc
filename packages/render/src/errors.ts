import { ContractsError, EnvironmentError } from '@contracts/core';

/**
 * A clause template could not be rendered: undefined value, syntax error, name outside the templates
 * directory, missing template. The message is one line naming the template file, line and term.
 */
export class TemplateRenderError extends ContractsError {
  /** Template file (as the loader resolved it), once known. */
  template: string | undefined;
  /** 1-based position inside the template, when known. */
  lineno: number | undefined;
  colno: number | undefined;
  constructor(message: string, details: { template?: string; lineno?: number; colno?: number; cause?: unknown } = {}) {
    super('render/template', message, { cause: details.cause });
    this.template = details.template;
    this.lineno = details.lineno;
    this.colno = details.colno;
  }
}

/** No PDF engine (Chromium or LibreOffice) is installed. */
export class PdfEngineUnavailableError extends EnvironmentError {
  constructor(message: string) {
    super('render/no-pdf-engine', message);
  }
}
