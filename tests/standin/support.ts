import { OfficeExtensionError } from '../../src/workbench/standin';

/** The Office error a promise rejects with; fails the test when it resolves or throws anything else. */
export async function failure(p: Promise<unknown>): Promise<OfficeExtensionError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(OfficeExtensionError);
    return e as OfficeExtensionError;
  }
  throw new Error('expected the promise to reject');
}
