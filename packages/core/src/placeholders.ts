/**
 * Values `contracts new` writes where only the drafter knows the answer. They are schema-valid (so the
 * file checks and renders at once), and `check` warns while one is left (`drafting/placeholder`): the
 * agreement would print "Product means Product name and model".
 */
export const PLACEHOLDERS = [
  { pointer: '/product/name', path: 'product.name', value: 'Product name and model', flag: '--product' },
  { pointer: '/parties/buyer/name', path: 'parties.buyer.name', value: 'Buyer', flag: '--buyer' },
] as const;
