/**
 * Formula templates from the schema, resolved to A1 references. A template names columns by
 * header, `{Header}`, meaning "the cell of that column in the same row", and `{row}` for the
 * row number, so formulas follow the columns wherever an officer has moved them.
 */
import {TabSpec} from './schema';
import {WorkbookError} from './table';

/** 1-based column number to its letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = Math.floor(column);
  if (n < 1) throw new Error(`Column numbers start at 1; got ${column}.`);
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 reference of a cell: row and column 1-based. */
export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/**
 * The formula of column `header` in sheet row `row` (1-based), with `{Header}` replaced by the
 * A1 reference of that column's cell in the same row and `{row}` by the row number.
 * `index` maps headers to 0-based positions as found on the tab (Table.index).
 * Returns '' when the column has no formula. Throws, naming the tab and header, when the
 * template refers to a column the tab does not have.
 */
export function formulaFor(
  spec: TabSpec,
  header: string,
  row: number,
  index: ReadonlyMap<string, number>,
): string {
  const col = spec.columns.find(c => c.header === header);
  if (!col) throw new Error(`The "${spec.name}" tab has no column "${header}" in the schema.`);
  if (!col.formula) return '';
  return resolveTemplate(col.formula, row, index, `${spec.name} > ${header}`);
}

/** Resolves `{Header}` and `{row}` in any template; `where` names it in error messages. */
export function resolveTemplate(
  template: string,
  row: number,
  index: ReadonlyMap<string, number>,
  where = 'formula',
): string {
  return template.replace(/\{([^{}]+)\}/g, (_m, name: string) => {
    if (name === 'row') return String(row);
    const i = index.get(name);
    if (i === undefined) {
      throw new WorkbookError(
        `The formula of ${where} refers to a "${name}" column that the tab does not have. Put the header back or run Committee > Set up or repair workbook.`,
      );
    }
    return a1(row, i + 1);
  });
}

/** Headers of the schema's formula columns of a tab. */
export function formulaHeaders(spec: TabSpec): string[] {
  return spec.columns.filter(c => !!c.formula).map(c => c.header);
}
