/**
 * Google's own error texts, so scripts and their tests see what they would see in Sheets.
 * Apps Script prefixes thrown service errors with "Exception: " in the execution log; the
 * message property itself carries the text below.
 */
export const ERR = {
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  colsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  outOfBounds: () => 'The coordinates of the range are outside the dimensions of the sheet.',
  rowTooSmall: () => 'The starting row of the range is too small.',
  colTooSmall: () => 'The starting column of the range is too small.',
  numRowsTooSmall: () => 'The number of rows in the range must be at least 1.',
  numColsTooSmall: () => 'The number of columns in the range must be at least 1.',
  rangeNotFound: () => 'Range not found',
  sheetExists: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  deleteOnlySheet: () => "You can't remove all the sheets in a document.",
  deleteAllRows: () => "You can't delete all the rows on the sheet.",
  deleteAllCols: () => "You can't delete all the columns on the sheet.",
  sheetDeleted: () => 'This sheet has been deleted.',
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
  noUi: () => 'Cannot call SpreadsheetApp.getUi() from this context.',
  notDate: (what: string) => `The parameters (${what}) don't match the method signature.`,
  frozenTooMany: () => "You can't freeze all visible rows on the sheet.",
  badNamedRangeName: (name: string) =>
    `Named range "${name}" is not valid: a name may only contain letters, numbers and underscores, cannot start with a number or look like a cell reference (A1, R1C1), and cannot be TRUE or FALSE.`,
};

/** How Apps Script names argument types in its signature errors: String, number, Boolean, Object, number[]... */
export function argTypes(args: readonly unknown[]): string {
  const one = (v: unknown): string => {
    if (v === null) return 'null';
    if (v === undefined) return 'undefined';
    if (Array.isArray(v)) return `${v.length ? one(v[0]) : 'Object'}[]`;
    if (typeof v === 'string') return 'String';
    if (typeof v === 'boolean') return 'Boolean';
    if (typeof v === 'number') return 'number';
    return 'Object';
  };
  return args.map(one).join(',');
}

/** "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues." */
export function signatureError(args: readonly unknown[], method: string): Error {
  return new Error(
    `The parameters (${argTypes(args)}) don't match the method signature for SpreadsheetApp.${method}.`,
  );
}

/** An Error whose message is Google's text. */
export function gErr(message: string): Error {
  return new Error(message);
}
