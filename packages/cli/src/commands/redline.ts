import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand } from '../base-command.js';

export default class Redline extends BaseCommand {
  static override summary = 'Redline two versions of a contract: Markdown spans, HTML <ins>/<del>, or DOCX with tracked changes.';
  static override description =
    'Both versions are rendered with the same clause library and compared word by word inside changed paragraphs. Changes are attributed to the author of the --to commit at its date (working tree: git config user.name, SOURCE_DATE_EPOCH or now).\n' +
    '--from and --to name versions (git refs, or round-N for the tag <contract-id>/round-N), as in `contracts diff`; --to defaults to the working tree. ' +
    'The output format is --format, or the extension of --out (.md, .html, .docx), else DOCX (Markdown for --out -); it is not --to, which names the later version. Without --out the redline is written to <id>-<from>-<to>.<ext> in the working directory (the working tree counts as `working`), as render writes <id>.<ext>.\n' +
    'HTML starts with a table of the position changes; DOCX opens in Word with the changes tracked. Output is byte-identical for the same inputs (set SOURCE_DATE_EPOCH for working-tree redlines). An existing different --out file is kept unless --force.\n' +
    'Exit codes: 0 written, 1 a version has YAML or schema errors (shown with file@ref), 2 usage, unknown ref, not a git repository, I/O or pandoc error.';
  static override examples = [
    '<%= config.bin %> redline contracts/springfield-smartcam.yaml --from round-1 --to round-2   # springfield-smartcam-round-1-round-2.docx',
    '<%= config.bin %> redline contracts/springfield-smartcam.yaml --from round-1 --to round-2 --out redline.docx',
    '<%= config.bin %> redline contracts/springfield-smartcam.yaml --from main --out changes.html      # main → working tree',
    '<%= config.bin %> redline contracts/springfield-smartcam.yaml --from round-2 --format md --out -   # Markdown to stdout',
  ];
  static override args = { file: Args.string({ description: 'Contract file (in a git work tree)', required: true }) };
  static override flags = {
    from: Flags.string({ description: 'The earlier version: a git ref or round-<n>', required: true }),
    to: Flags.string({ description: 'Later version: a git ref or round-N (default: the working tree)' }),
    format: Flags.string({ char: 'f', description: 'Output format (default: from the --out extension, else docx)', options: ['md', 'html', 'docx'] }),
    out: Flags.string({ char: 'o', description: 'Output file (- for stdout, md/html only; default <id>-<from>-<to>.<ext>)' }),
    force: Flags.boolean({ description: 'Overwrite an existing --out file that differs' }),
    templates: Flags.string({ description: 'Clause library directory whose files override the built-in ones (used for both versions)' }),
    playbook: Flags.string({ description: 'Playbook that labels and rates the position changes (default: ./playbook.yaml, else the bundled one)' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Redline);
    const { runRedline } = await import('../run-redline.js');
    const result = await runRedline(args.file, flags);
    for (const line of result.messages) process.stderr.write(`${line}\n`);
    if (result.stdout !== undefined) await this.print(result.stdout);
    process.exitCode = result.exitCode;
  }
}
