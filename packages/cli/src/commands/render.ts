import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand } from '../base-command.js';

export default class Render extends BaseCommand {
  static override summary = 'Render contracts to Markdown, HTML, DOCX or PDF through the clause library.';
  static override description =
    'Markdown is the canonical output; HTML is standalone with print CSS (built-in converter, no pandoc needed); DOCX is written with the reference document in templates/ (built-in writer; pandoc with --docx-engine pandoc or CONTRACTS_DOCX_ENGINE=pandoc, and for Markdown beyond the built-in subset); PDF needs Chromium or LibreOffice.\n' +
    'One contract: md/html go to stdout and docx/pdf to <id>.<ext>, unless --out is given (--out - for stdout). Several files or a directory: --out DIR.\n' +
    'Output is byte-identical across runs (a DOCX is dated by SOURCE_DATE_EPOCH, else by the commit the file is unchanged from, else by the effective date). Existing different files are kept unless --force.\n' +
    'Exit codes: 0 rendered, 1 the contract has schema errors, 2 usage, I/O, template or missing-tool error.';
  static override examples = [
    '<%= config.bin %> render contracts/springfield-smartcam.yaml --to md',
    '<%= config.bin %> render contracts/springfield-smartcam.yaml --to docx --out build/springfield.docx',
    '<%= config.bin %> render contracts/ --to docx --out build/        # every contract, both CPU cores',
    '<%= config.bin %> render contracts/nordlicht-building-sensors.yaml --to html --templates my-clauses/ > nordlicht.html',
  ];
  static override strict = false;
  static override args = { files: Args.string({ description: 'Contract files or directories' }) };
  static override flags = {
    to: Flags.string({ char: 't', description: 'Output format', options: ['md', 'html', 'docx', 'pdf'], required: true }),
    out: Flags.string({ char: 'o', description: 'Output file, directory (several contracts), or - for stdout' }),
    force: Flags.boolean({ description: 'Overwrite existing output files that differ' }),
    templates: Flags.string({ description: 'Clause library directory whose files override the built-in ones' }),
    'html-engine': Flags.string({ description: 'HTML converter', options: ['builtin', 'pandoc'], default: 'builtin' }),
    'docx-engine': Flags.string({ description: 'DOCX writer (default: CONTRACTS_DOCX_ENGINE, else builtin)', options: ['builtin', 'pandoc'] }),
    concurrency: Flags.integer({ description: 'Parallel pandoc conversions (default: CPU count)', min: 1 }),
    playbook: Flags.string({ description: 'Playbook whose risk rules decide which laws the agreement names (default: ./playbook.yaml, else the bundled one)' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Render);
    const { renderFiles } = await import('../render-files.js');
    const result = await renderFiles(argv as string[], {
      to: flags.to as 'md' | 'html' | 'docx' | 'pdf',
      out: flags.out,
      force: flags.force,
      templates: flags.templates,
      htmlEngine: flags['html-engine'] as 'builtin' | 'pandoc',
      docxEngine: flags['docx-engine'] as 'builtin' | 'pandoc' | undefined,
      concurrency: flags.concurrency,
      playbook: flags.playbook,
    });
    for (const line of result.messages) process.stderr.write(`${line}\n`);
    if (typeof result.stdout === 'string') await this.print(result.stdout);
    else if (result.stdout) await new Promise<void>((resolve, reject) => process.stdout.write(result.stdout as Uint8Array, (e) => (e ? reject(e) : resolve())));
    process.exitCode = result.exitCode;
  }
}
