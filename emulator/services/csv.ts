/**
 * CSV as RFC 4180 and Utilities.parseCsv read it: fields separated by a delimiter, quoted
 * fields may hold the delimiter, newlines and doubled quotes. A trailing newline does not
 * make an empty last row.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  if (delimiter.length !== 1) throw new Error('Invalid argument: delimiter');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // byte-order mark from spreadsheet exports
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error(`unclosed quote in row ${rows.length + 1}`);
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
