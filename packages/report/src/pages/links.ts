/** Where each page of the site lives, relative to the site root: one place, so links and writes agree. */
export const agreementPage = (key: string): string => `agreements/${key}.html`;
export const contractPage = (key: string): string => `agreements/${key}.contract.html`;
export const redlinePage = (key: string): string => `agreements/${key}.redline.html`;
export const termPage = (path: string): string => `terms/${path.replace(/[^A-Za-z0-9._-]+/g, '-')}.html`;
export const TERMS_INDEX = 'terms/index.html';
export const PORTFOLIO = 'index.html';

/** A link to a site path from a page one folder down (agreements/, terms/). */
export const up = (sitePath: string): string => `../${sitePath}`;
/** A link to a site path from a page in the same folder. */
export const sibling = (sitePath: string): string => sitePath.slice(sitePath.lastIndexOf('/') + 1);
