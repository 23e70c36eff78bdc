import type { Evaluation } from '@contracts/scaffold';

/** `contracts new`'s answer flags as evaluation answers; a flag not given leaves its answer open. */
export function evaluationFromFlags(f: Record<string, unknown>): Partial<Evaluation> {
  const e: Partial<Evaluation> = {};
  const text = (name: string) => (typeof f[name] === 'string' ? (f[name] as string) : undefined);
  const list = (name: string) =>
    Array.isArray(f[name])
      ? (f[name] as string[])
          .flatMap((v) => v.split(','))
          .map((v) => v.trim())
          .filter(Boolean)
      : undefined;
  const set = <K extends keyof Evaluation>(key: K, value: Evaluation[K] | undefined) => {
    if (value !== undefined) e[key] = value;
  };
  set('buyerKind', text('buyer-kind'));
  set('buyerJurisdiction', text('buyer-jurisdiction')?.toUpperCase());
  set('vendorJurisdiction', text('vendor-jurisdiction')?.toUpperCase());
  set('category', text('category'));
  set('network', text('network'));
  set('internetFacing', typeof f['internet-facing'] === 'boolean' ? (f['internet-facing'] as boolean) : undefined);
  set('physical', list('physical'));
  set('dataCollected', list('data'));
  set('dataSubjects', list('subjects'));
  set('remoteAccess', typeof f['remote-access'] === 'boolean' ? (f['remote-access'] as boolean) : undefined);
  set('remoteMethod', text('remote-method'));
  set('features', list('features'));
  set(
    'storage',
    list('storage')?.map((r) => r.toUpperCase()),
  );
  set(
    'processing',
    list('processing')?.map((r) => r.toUpperCase()),
  );
  set(
    'markets',
    list('markets')?.map((r) => r.toUpperCase()),
  );
  return e;
}
