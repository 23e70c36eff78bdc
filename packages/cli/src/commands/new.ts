import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand, playbookFlag } from '../base-command.js';

const many = (description: string) => Flags.string({ description, multiple: true });

export default class New extends BaseCommand {
  static override summary = "Start a new agreement from the playbook's preferred positions and the product evaluation.";
  static override description =
    'Writes contracts/<id>.yaml (or --out) with every negotiable term at the preferred position. On a terminal it first asks the product-evaluation questions ' +
    '(deployment, data collected, vendor remote access, features, data locations, markets, the parties’ jurisdictions); every answer also has a flag, and --yes takes the defaults. ' +
    'The vendor’s jurisdiction is read from its legal form (GmbH → DE, Ltd → GB, Inc. → US) unless given; every assumed answer is listed. Never replaces an existing file unless --force.\n' +
    'Exit codes: 0 written, 2 usage or I/O error.';
  static override examples = [
    '<%= config.bin %> new riverside-badges --vendor "Badgeworks Ltd." --buyer "Riverside Hospital"',
    '<%= config.bin %> new hvac-sensors --vendor "Klimatik GmbH" --yes --remote-access --remote-method vpn --storage DE --markets EU',
  ];
  static override args = { id: Args.string({ description: 'Agreement id: lowercase letters, digits and hyphens', required: true }) };
  static override flags = {
    vendor: Flags.string({ description: "Vendor's legal name", required: true }),
    buyer: Flags.string({ description: "Buyer's legal name" }),
    product: Flags.string({ description: 'Product name and model (SmartCam 3000)' }),
    'security-email': Flags.string({ description: "The buyer's security contact: where the vendor reports a Security Incident, day and night" }),
    title: Flags.string({ description: 'Agreement title' }),
    out: Flags.string({ char: 'o', description: 'File to write (default: contracts/<id>.yaml)' }),
    playbook: playbookFlag(),
    force: Flags.boolean({ description: 'Replace an existing file' }),
    yes: Flags.boolean({ char: 'y', description: 'Ask nothing: take the defaults for every answer not given as a flag' }),
    'buyer-kind': Flags.string({ description: 'Buyer kind (government, healthcare, company, …)' }),
    'buyer-jurisdiction': Flags.string({ description: "Buyer's jurisdiction (US-IL, DE, GB-ENG)" }),
    'vendor-jurisdiction': Flags.string({ description: "Vendor's jurisdiction (default: from its legal form)" }),
    category: Flags.string({ description: 'Product category (camera, building-sensor, medical-device, …)' }),
    network: Flags.string({ description: 'Network placement (isolated, segmented-vlan, corporate-lan, …)' }),
    'internet-facing': Flags.boolean({ description: 'The devices can be reached from the internet', allowNo: true }),
    physical: many('Where the devices are installed (repeatable)'),
    data: many('Data collected (repeatable: video, audio, personal, health, …)'),
    subjects: many('Whose data (repeatable: employees, public, eu-residents, …)'),
    'remote-access': Flags.boolean({ description: 'The vendor keeps remote access', allowNo: true }),
    'remote-method': Flags.string({ description: 'How the vendor connects (vpn, vendor-cloud, direct-internet, on-site-only)' }),
    features: many('Features switched on (repeatable: audio, facialRecognition, cloudSync, analytics, …)'),
    storage: many('Regions where data is stored (repeatable: US, EU, DE, …)'),
    processing: many('Regions where data is processed, incl. support access (repeatable)'),
    markets: many('Markets where the product is placed or used (repeatable)'),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(New);
    const { newAgreement } = await import('@contracts/scaffold');
    const { evaluationFromFlags } = await import('../new-flags.js');
    const interactive = !flags.yes && Boolean(process.stdin.isTTY && process.stdout.isTTY);
    const ask = interactive ? (await import('../ask-evaluation.js')).askEvaluation : undefined;
    const { file, assumed, required } = await newAgreement(args.id, {
      ...flags,
      ...(flags['security-email'] ? { securityEmail: flags['security-email'] } : {}),
      evaluation: evaluationFromFlags(flags),
      ...(ask ? { ask } : {}),
    });
    const { terminalText } = await import('@contracts/format/escape');
    for (const line of assumed) process.stderr.write(`${terminalText(`assumed ${line}`)}\n`);
    const { showValue } = await import('@contracts/playbook');
    for (const r of required)
      process.stderr.write(
        `${terminalText(`required ${r.term}: ${showValue(r.value)} (risk/${r.ruleId}${r.appliesFrom ? `, from ${r.appliesFrom}` : ''})`)}\n`,
      );
    process.stderr.write(`${terminalText(`wrote ${file}: complete the product evaluation, then run contracts check ${file}`)}\n`);
  }
}
