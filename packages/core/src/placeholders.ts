/**
 * Values `contracts new` writes where only the drafter knows the answer. They are schema-valid (so the
 * file checks and renders at once), and `check` warns while one is left (`drafting/placeholder`): the
 * agreement would print "Product means Product name and model".
 */
export const PLACEHOLDERS = [
  { path: 'product.name', value: 'Product name and model', what: 'product name and model', flag: '--product' },
  { path: 'parties.buyer.name', value: 'Buyer', what: 'legal name', flag: '--buyer' },
] as const;
