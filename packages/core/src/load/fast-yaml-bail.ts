/** Thrown inside the fast reader when input leaves its subset; the caller then uses the full parser. */
export class Bail extends Error {}

export const bail = (): never => {
  throw new Bail();
};
