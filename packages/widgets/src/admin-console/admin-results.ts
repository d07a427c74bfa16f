// The admin API's answers as the console reads them.

/** A refusal or a failed read, as thrown inside a load. */
export class Refused extends Error {
  constructor(readonly forbidden: boolean) {
    super('refused');
  }
}

/** The success's `data`, or a Refused (forbidden, or another refusal). */
export function dataOf<T>(result: { __typename: string; data?: T }): T {
  if (result.__typename === 'ForbiddenError') throw new Refused(true);
  if (result.data === undefined) throw new Refused(false);
  return result.data;
}

/** An expected error of a change, with its refused fields when it is a ValidationError. */
export type Expected = { __typename: string; message: string; messageVi?: string; messageEn?: string; fields?: ReadonlyArray<{ path: string; message: string }> };
