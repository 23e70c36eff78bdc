import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand, formatFlag, playbookFlag, useColor } from '../base-command.js';

export default class Import extends BaseCommand {
  static override summary = "Turn the counterparty's Word markup into the next version of the contract file.";
  static override description =
    'Reads the DOCX the other side returned (tracked changes by any author, comments with replies, and edits made with tracking off) against the version it was rendered from (its document properties, or --base), reads each changed term back through the templates\' own wording, and writes FILE in place: values changed, comments and formatting kept. The counterparty does not change the facts: an edit to the parties or the product evaluation (they decide which laws apply) is not applied but kept as their wording, restating the fact, for counsel to confirm. A change no term explains is kept as negotiated wording for its clause (who, when, the text, the comments): render prints it, check warns "negotiated wording outside the playbook: counsel to review". Prints the position moves as `contracts diff` does, then the negotiated wording and the comments.\n' +
    'Refused, with nothing written (exit 2): a markup of another contract, a base commit this repository lacks (fetch it), a markup already imported into FILE, FILE changed since the base (uncommitted edits, or moved on to a later round: the commits are named), a password-protected, corrupt or oversized (zip bomb) file, a part with a DTD or entities, a DOCX that is not one of ours without --base.\n' +
    "Exit codes: 0 imported (or nothing to import); 1 imported, but a term the counterparty restated in its own words was NOT READ (the term keeps its value, counsel must settle it; check reports playbook/restated-term), or the counterparty changed a fact — the parties or the product evaluation, which decide which laws apply — which is not applied: the contract keeps the buyer's value, their wording is kept, check reports playbook/restated-term until counsel confirms or rejects it; 2 refused, usage, git or I/O error.";
  static override examples = [
    '<%= config.bin %> import contracts/springfield-smartcam.yaml acme-markup.docx',
    '<%= config.bin %> import contracts/springfield-smartcam.yaml acme-markup.docx --dry-run --format markdown',
    '<%= config.bin %> import contracts/springfield-smartcam.yaml acme-markup.docx --commit && contracts round contracts/springfield-smartcam.yaml',
    '<%= config.bin %> import contracts/springfield-smartcam.yaml their-own.docx --base round-2   # not rendered by us: all negotiated wording',
  ];
  static override args = {
    file: Args.string({ description: 'Contract file (in a git work tree)', required: true }),
    markup: Args.string({ description: 'The returned Word document (.docx)', required: true }),
  };
  static override flags = {
    base: Flags.string({ description: 'The version the markup was made from: a git ref or round-N (default: from its document properties)' }),
    format: formatFlag(['text', 'json', 'markdown'], 'text'),
    'dry-run': Flags.boolean({ description: 'Show what would change; write nothing' }),
    commit: Flags.boolean({ description: "Commit the result as the counterparty's round (author and date from the tracked changes)" }),
    templates: Flags.string({ description: 'Clause library directory the markup was rendered with' }),
    playbook: playbookFlag(),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Import);
    const { runImport } = await import('../run-import.js');
    const output = await runImport(args.file, args.markup, {
      format: flags.format as 'text' | 'json' | 'markdown',
      color: useColor(),
      dryRun: flags['dry-run'],
      commit: flags.commit,
      ...(flags.base !== undefined ? { base: flags.base } : {}),
      ...(flags.templates !== undefined ? { templates: flags.templates } : {}),
      ...(flags.playbook !== undefined ? { playbook: flags.playbook } : {}),
    });
    await this.print(output.output);
    process.exitCode = output.exitCode;
  }
}
