import { readSchemaText } from '@contracts/core';

/**
 * The product evaluation the article asks for before contracting, as the questions `contracts new`
 * asks: deployment, data collected, vendor remote access, features, data locations, markets, and the
 * parties' jurisdictions. Allowed values come from the schema, so a question never offers a value the
 * schema refuses.
 */
export interface Evaluation {
  buyerKind: string;
  buyerJurisdiction: string;
  vendorJurisdiction: string;
  category: string;
  network: string;
  internetFacing: boolean;
  physical: string[];
  dataCollected: string[];
  dataSubjects: string[];
  remoteAccess: boolean;
  remoteMethod: string | undefined;
  features: string[];
  storage: string[];
  processing: string[];
  markets: string[];
}

/** Every answer's default: the cautious reading, each one said aloud when it is taken. */
export const DEFAULTS: Evaluation = {
  buyerKind: 'company',
  buyerJurisdiction: 'US',
  vendorJurisdiction: 'US',
  category: 'other',
  network: 'segmented-vlan',
  internetFacing: false,
  physical: ['office'],
  dataCollected: ['telemetry'],
  dataSubjects: [],
  remoteAccess: false,
  remoteMethod: undefined,
  features: [],
  storage: [],
  processing: [],
  markets: [],
};

// Legal forms that name one country. Ambiguous ones (AG: DE or CH; S.A.: many; Ltd: GB, IE, many
// others) are not guessed beyond their most common home, and the answer is always shown.
const LEGAL_FORMS: [RegExp, string][] = [
  [/\b(gmbh|ug \(haftungsbeschränkt\)|kgaa|e\.k\.)\b|\bgmbh\s*&\s*co\.?\s*kg\b/i, 'DE'],
  // AG, KG and OHG are also Austrian and (AG) Swiss forms; Germany is their most common home.
  [/\b(ag|kg|ohg|e\.\s?v\.?)$/i, 'DE'],
  [/\b(ulc|ltée)$/i, 'CA'],
  [/\bpty\.?\s+ltd\.?\b/i, 'AU'],
  [/\b(s\.?a\.?s\.?|s\.?a\.?r\.?l\.?)$/i, 'FR'],
  [/\b(b\.?v\.?|n\.?v\.?)$/i, 'NL'],
  [/\b(s\.?p\.?a\.?|s\.?r\.?l\.?)$/i, 'IT'],
  [/\b(s\.?l\.?u?\.?)$/i, 'ES'],
  [/\b(ab|aktiebolag)$/i, 'SE'],
  [/\b(a\/s|aps)$/i, 'DK'],
  [/\b(oy|oyj)$/i, 'FI'],
  [/\b(as|asa)$/i, 'NO'],
  [/\b(sp\.? z o\.?o\.?)$/i, 'PL'],
  [/\b(k\.?k\.?|kabushiki kaisha|godo kaisha)$/i, 'JP'],
  [/\b(pte\.? ltd\.?)$/i, 'SG'],
  [/\b(pvt\.? ltd\.?|private limited)$/i, 'IN'],
  [/\b(plc|ltd\.?|limited|llp)$/i, 'GB'],
  [/\b(inc\.?|incorporated|corp\.?|corporation|llc|l\.l\.c\.|co\.)$/i, 'US'],
];

/** The country a company's legal form points to (`Klimatik GmbH` → DE), or undefined when it names none. */
export function jurisdictionFromName(name: string): string | undefined {
  const trimmed = name.trim().replace(/[,.]+$/, (m) => (m.includes('.') ? '.' : ''));
  for (const [pattern, country] of LEGAL_FORMS) if (pattern.test(trimmed)) return country;
  return undefined;
}

interface SchemaNode {
  enum?: string[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  $ref?: string;
}

/** The values the schema allows for each enumerated answer. */
export function evaluationChoices(): Record<
  'buyerKind' | 'category' | 'network' | 'physical' | 'dataCollected' | 'dataSubjects' | 'remoteMethod' | 'features' | 'regions',
  string[]
> {
  const schema = JSON.parse(readSchemaText('vendor-agreement')) as { properties: Record<string, SchemaNode>; $defs: Record<string, SchemaNode> };
  const product = schema.properties.product!.properties!;
  const buyer = schema.properties.parties!.properties!.buyer!.properties!;
  return {
    buyerKind: buyer.kind!.enum!,
    category: product.category!.enum!,
    network: product.deployment!.properties!.network!.enum!,
    physical: product.deployment!.properties!.physical!.items!.enum!,
    dataCollected: product.dataCollected!.items!.enum!,
    dataSubjects: product.dataSubjects!.items!.enum!,
    remoteMethod: product.vendorRemoteAccess!.properties!.method!.enum!,
    features: Object.keys(product.featuresEnabled!.properties!),
    regions: schema.$defs.region!.enum!.filter((r) => r !== 'UK'),
  };
}

// Kinds of data that are about people whoever is named: video and audio of them, their logins, biometrics, health.
const PERSONAL_BY_NATURE = ['personal', 'biometric', 'health', 'video', 'audio', 'credentials'];

/**
 * Whether the answers say people's data is collected: a kind that is personal by nature, or location
 * when the answers name whose data it is (a badge's position is an employee's; a pallet's is nobody's).
 * The playbook reads an evaluation without `personalData.processed` the same way
 * (`*personal-data-processed` in playbook.yaml); a test holds the two equal for every combination.
 */
export function collectsPersonalData(e: Pick<Evaluation, 'dataCollected' | 'dataSubjects'>): boolean {
  return e.dataCollected.some((kind) => PERSONAL_BY_NATURE.includes(kind)) || (e.dataCollected.includes('location') && e.dataSubjects.length > 0);
}

/** The country part of a jurisdiction (`US-IL` → `US`), as a data region; `EU` stays `EU`. */
export const regionOf = (jurisdiction: string, regions: readonly string[]): string => {
  const country = jurisdiction.split('-')[0]!;
  return regions.includes(country) ? country : 'other';
};
