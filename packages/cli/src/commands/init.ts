import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand } from '../base-command.js';

export default class Init extends BaseCommand {
  static override summary = 'Set up a repository of vendor agreements: schemas, playbook, VS Code settings, a README, an example and the GitHub workflow.';
  static override description =
    'Every file is checked before any is written. Files that already exist with the same content are left alone; your own .vscode settings are merged (your values win) and your README.md kept (the guide goes to CONTRACTS.md). A different schema, playbook, workflow or example is never replaced unless --force.\nExit codes: 0 done, 2 a file exists or cannot be written (then nothing was written).';
  static override examples = ['<%= config.bin %> init', '<%= config.bin %> init ../vendor-agreements'];
  static override args = { dir: Args.string({ description: 'Directory (default: the current one)', default: '.' }) };
  static override flags = {
    force: Flags.boolean({ description: 'Replace a schema, playbook, workflow or example that differs (never your README or editor settings)' }),
    action: Flags.string({
      description: 'The action the workflow uses, e.g. acme/contracts-as-code/.github/actions/contracts@v1 (default: a placeholder to edit)',
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Init);
    const { initRepository } = await import('@contracts/scaffold');
    const { written, notes } = await initRepository(args.dir, { force: flags.force, ...(flags.action ? { action: flags.action } : {}) });
    const { terminalText } = await import('@contracts/format/escape');
    const lines = [...written.map((f) => `ready ${f}`), ...notes];
    process.stderr.write(
      `${lines.map((l) => terminalText(l)).join('\n')}\nnext: edit playbook.yaml to your positions, ${flags.action ? '' : 'replace OWNER in .github/workflows/contracts.yml, '}open the folder in VS Code (install the recommended YAML extension), and start a contract with contracts new <id> --vendor "<name>"\n`,
    );
  }
}
