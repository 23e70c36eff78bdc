import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand, playbookFlag } from '../base-command.js';

export default class Report extends BaseCommand {
  static override summary = 'Write the portfolio as a static site: every agreement, its terms, risks and rounds.';
  static override description =
    'A site that opens from disk (file://) or GitHub Pages, with no network and a strict Content-Security-Policy: index.html lists every agreement (vendor, product, buyer, latest round, days since and who moved, walk-away / fallback / preferred / missing counts, unmet risk requirements, upcoming legal deadlines, the counterparty’s wording to review), sortable and filterable with the view kept in the URL; agreements/<name>.html shows one agreement (the wording the counterparty proposed, for counsel to review, entry by entry with their comments; evaluation in plain words; every term beside the playbook, a term their wording contradicts marked to settle; risk findings with sources; every finding of check --verbose; rounds with charts) with its rendered contract and the redline of its last two rounds; terms/<path>.html shows where every agreement landed on one term.\n' +
    'The numbers are those of check (errors, warnings and infos as check --verbose counts them) and rounds. Rounds need the full history and tags (a shallow clone is an error: git fetch --tags --unshallow). Dates (days since, the generated-at stamp) come from SOURCE_DATE_EPOCH when set.\n' +
    'The output folder must be empty, new, or a previous report (whose pages that no longer exist are removed); --force writes into any folder.\n' +
    'Exit codes: 0 written, 1 the playbook is broken, 2 usage, I/O or git error.';
  static override examples = [
    '<%= config.bin %> report --out site',
    '<%= config.bin %> report contracts/ --out public/contracts   # for GitHub Pages',
    'SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) <%= config.bin %> report --out site   # reproducible',
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: 'Contract files or directories (default: contracts/)' }) };
  static override flags = {
    out: Flags.string({ char: 'o', description: 'Folder to write the site to', required: true }),
    force: Flags.boolean({ description: 'Write into a non-empty folder that holds no previous report' }),
    playbook: playbookFlag(),
    templates: Flags.string({ description: 'Clause library directory whose files override the built-in ones (rendered contracts, redlines)' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Report);
    const [{ buildReport }, { displayPath }, { terminalText }] = await Promise.all([
      import('@contracts/report'),
      import('@contracts/core'),
      import('@contracts/format/escape'),
    ]);
    const result = await buildReport(argv as string[], {
      out: flags.out,
      force: flags.force,
      ...(flags.playbook !== undefined ? { playbook: flags.playbook } : {}),
      ...(flags.templates !== undefined ? { templatesDir: flags.templates } : {}),
    });
    const n = result.agreements.length;
    const removed = result.removed > 0 ? `; removed ${result.removed} page(s) of the previous report` : '';
    process.stderr.write(
      `${terminalText(`wrote ${displayPath(`${result.out}/index.html`)}: ${n} agreement${n === 1 ? '' : 's'}, ${result.files.length} files${removed}`)}\n`,
    );
  }
}
