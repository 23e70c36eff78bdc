import type { Diagnostic } from '@contracts/core';
import type { FileSummary } from '@contracts/format';

/** One fixed set of findings for every golden test: related locations, fixes, sources, an info, a clean file. */
export const diagnostics: Diagnostic[] = [
  {
    code: 'playbook/walk-away',
    severity: 'error',
    message: 'incidentResponse.notificationHours is 96 hours; the playbook walks away above 72.',
    file: 'contracts/acme-cameras.yaml',
    line: 24,
    column: 24,
    endLine: 24,
    endColumn: 26,
    path: '/terms/incidentResponse/notificationHours',
    source: 'GDPR Art. 33; NYDFS 500.17',
    fix: '24',
  },
  {
    code: 'risk/eu-transfer-mechanism',
    severity: 'warning',
    message: 'Personal data leaves the EU but jurisdiction.crossBorderTransfer names no transfer mechanism.',
    file: 'contracts/acme-cameras.yaml',
    line: 31,
    column: 5,
    endLine: 33,
    endColumn: 20,
    path: '/terms/jurisdiction',
    source: 'GDPR Ch. V',
    fix: 'SCCs 2021/914 with a transfer impact assessment',
    related: [
      {
        file: 'contracts/acme-cameras.yaml',
        path: '/product/dataLocations',
        message: 'data is stored in the EU here',
        line: 12,
        column: 18,
        endLine: 12,
        endColumn: 26,
      },
    ],
  },
  {
    code: 'playbook/preferred',
    severity: 'info',
    message: 'audit.onSite is at the preferred position.',
    file: 'contracts/acme-cameras.yaml',
    line: 40,
    column: 13,
    endLine: 40,
    endColumn: 17,
    path: '/terms/audit/onSite',
  },
  {
    code: 'schema/required',
    severity: 'error',
    message: "parties.vendor is missing the required field 'name'.",
    file: 'contracts/globex.yaml',
    line: 5,
    column: 3,
    endLine: 6,
    endColumn: 1,
    path: '/parties/vendor',
    fix: 'name: <vendor legal name>',
  },
];

export const files: FileSummary[] = [
  { file: 'contracts/acme-cameras.yaml', summary: '1 walk-away, 0 fallback, 1 preferred' },
  { file: 'contracts/clean.yaml', summary: '0 walk-away, 0 fallback, 14 preferred' },
  { file: 'contracts/globex.yaml' },
  { file: 'contracts/no-summary.yaml' },
];

export const options = { files, toolVersion: '0.1.0' };
