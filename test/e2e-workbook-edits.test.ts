/**
 * Validation as people type and paste, end to end, on the demo workbook in one in-process
 * workspace (test/driver.ts): typing into a cell (Sheets parses the typed text, then onEdit fires
 * with the event object) and pasting rows (one multi-cell edit); then Committee > Check workbook
 * problems. Assertions read the live model: values, notes, backgrounds. Nothing typed is lost: a
 * kept value is flagged, a refused one is in the note.
 *
 * Apps Script references: onEdit event, value/oldValue only for single-cell edits
 * (developers.google.com/apps-script/guides/triggers/events); Range.setNote/setNotes/
 * setBackgrounds (developers.google.com/apps-script/reference/spreadsheet/range).
 */
import {openWorkbook, FLAG, type Clerk} from './driver';

let b: Clerk;

beforeAll(async () => {
  b = await openWorkbook({demo: true});
});

/** Types into a cell; onEdit reads the edited row only, so it stays within a few service calls. */
function edit(cell: string, text: string): void {
  expect(b.edit(cell, text).stats.total).toBeLessThanOrEqual(12);
}

describe('typing into cells', () => {
  test('"closed" becomes Closed; Date closed and Last updated are filled with today', () => {
    // Actions row 7: "Model three fee uplift options", Open, no Date closed.
    edit('Actions!G7', 'closed');
    expect(b.value('Actions!G7')).toBe('Closed');
    expect(b.display('Actions!I7')).toBe('23/11/2026');
    expect(b.display('Actions!J7')).toBe('23/11/2026');
  });

  test('"Finished" is refused: the old status is put back and the note records what was typed, when, by whom and why', () => {
    edit('Actions!G15', 'Finished');
    expect(b.value('Actions!G15')).toBe('Open');
    const note = b.meta('Actions', 'G15').note ?? '';
    expect(note).toMatch(
      /^Refused: "Finished" was typed here on 23\/11\/2026 \d\d:\d\d by clerk@example.org/,
    );
    expect(note).toContain('Use one of: Open, Ongoing, On hold, Closed.');
    expect(note).toContain('The cell was put back to "Open".');
  });

  test('"next Tuesday" is kept and flagged in a date column; typing a real date clears the flag', () => {
    edit('Members!K3', 'next Tuesday');
    expect(b.value('Members!K3')).toBe('next Tuesday');
    expect(b.meta('Members', 'K3').background).toBe(FLAG);
    expect(b.meta('Members', 'K3').note).toBe(
      'Problem: "next Tuesday" is not a date. Type the date as dd/mm/yyyy, for example 12/03/2026.\nWhat was typed is kept. Fix the cell and this note goes.',
    );
    edit('Members!K3', '01/04/2025');
    expect(b.display('Members!K3')).toBe('01/04/2025');
    expect(b.meta('Members', 'K3').note ?? '').toBe('');
    expect(b.meta('Members', 'K3').background ?? null).toBeNull();
  });

  test('a malformed email is flagged and kept', () => {
    edit('Members!I4', 'amina.yusuf@example');
    expect(b.value('Members!I4')).toBe('amina.yusuf@example');
    expect(b.meta('Members', 'I4').note).toContain('is not an email address');
    expect(b.meta('Members', 'I4').background).toBe(FLAG);
  });

  test('text typed starting with = is kept as text, not turned into a formula', () => {
    edit('Actions!F10', '=== see minutes ===');
    // Text columns are plain text ('@'), so Sheets keeps it as typed; in a cell that lost that format,
    // onEdit finds the formula and writes the text back with a note (src/workbook/onedit.ts).
    expect(b.value('Actions!F10')).toBe('=== see minutes ===');
    expect(b.formula('Actions', 10, 6)).toBeUndefined();
  });

  test('a money cell the Lots formulas read refuses "1.234,50" and keeps the old amount', () => {
    edit('Lots!C2', '1.234,50');
    expect(b.value('Lots!C2')).toBe(2600000);
    expect(b.meta('Lots', 'C2').note).toContain('"1.234,50" was typed here');
    expect(b.meta('Lots', 'C2').note).toContain('is ambiguous');
  });

  test('a setting that cannot be read is flagged where it is typed ("five" working days)', () => {
    edit('Settings!B12', 'five');
    expect(b.value('Settings!A12')).toBe('Papers notice days');
    expect(b.value('Settings!B12')).toBe('five');
    expect(b.meta('Settings', 'B12').note).toContain(
      'The setting "Papers notice days" should be a number of 0 or more; it is "five".',
    );
    expect(b.meta('Settings', 'B12').background).toBe(FLAG);
  });

  test('row rule: End time after Start time', () => {
    edit('Meetings!C3', '09:00');
    expect(b.meta('Meetings', 'C3').note).toContain('End time must be after Start time (10:00)');
  });
});

describe('paste', () => {
  test('contracts: £1,234.50, 1.234,50, a negative amount, 31/02/2021, End before Start, each noted on its cell', () => {
    const step = b.paste(
      'Contracts',
      [
        'Reference,Provider,Contract/grant,Lot,Funding type,Annual value,Start date,End date,Notice period (days)',
        'NC-501,Vale Care Ltd,Respite beds,1,contract,"£1,234.50",01/04/2026,31/03/2028,90',
        'NC-502,Vale Care Ltd,Night sitting,2,Contract,"1.234,50",01/04/2026,31/03/2028,90',
        'NC-503,Vale Care Ltd,Refund,2,Contract,-50,31/02/2021,31/03/2028,90',
        'NC-504,Vale Care Ltd,Backwards,3,Grant,1000,01/04/2027,01/04/2026,30',
      ].join('\n'),
    );
    // The demo has 12 contracts in rows 2-13: the paste goes to rows 14-17.
    expect(b.value('Contracts!E14')).toBe('Contract'); // "contract" normalised
    expect(b.value('Contracts!F14')).toBe(1234.5);
    // Annual value feeds the Lots tab's formulas: a wrong amount is refused, not kept (issue 10).
    expect(b.value('Contracts!F15')).toBe('');
    expect(b.meta('Contracts', 'F15').note).toContain('"1.234,50" is ambiguous');
    expect(b.value('Contracts!F16')).toBe('');
    expect(b.meta('Contracts', 'F16').note).toContain('cannot be negative');
    expect(b.value('Contracts!G16')).toBe('31/02/2021');
    expect(b.meta('Contracts', 'G16').note).toContain('February 2021 has no day 31');
    expect(b.meta('Contracts', 'H17').note).toContain(
      'End date must be after Start date (01/04/2027)',
    );
    expect(b.meta('Contracts', 'F14').note ?? '').toBe('');
    expect(step.out).toContain(
      '4 problems in the pasted rows of Contracts, e.g. F15: "1.234,50" is ambiguous',
    );
  });

  test('Check workbook problems lists every flagged cell with a link to it', () => {
    b.run('checkWorkbookProblems');
    const rows = b.values('Problems!A2:G40').filter(r => r[0] !== '');
    expect(rows.map(r => `${r[0]}!${r[1]}`)).toEqual(
      expect.arrayContaining([
        'Members!I4',
        'Meetings!C3',
        'Settings!B12',
        'Contracts!G16',
        'Contracts!H17',
      ]),
    );
    expect(rows.map(r => `${r[0]}!${r[1]}`)).not.toContain('Members!K3'); // fixed
    const i = rows.findIndex(r => r[0] === 'Members' && r[1] === 'I4');
    expect(rows[i][5]).toContain('is not an email address');
    const gid = b.sheet('Members').sheetId;
    expect(b.formula('Problems', 2 + i, 7)).toBe(`=HYPERLINK("#gid=${gid}&range=I4","Members!I4")`);
  });

  test('500 action rows with 3 bad cells: each noted, the rest accepted and stamped, in at most 10 service calls', () => {
    const p = b;
    const lines = [
      'Meeting date,Minute no.,Report title,Action to be taken by,Action,Comments,Status,Review date,Date closed,Last updated',
    ];
    for (let i = 0; i < 500; i++) {
      const status = i === 10 ? 'Finished' : i % 4 === 0 ? 'closed' : 'Open';
      const review = i === 20 ? 'next Tuesday' : '15/01/2027';
      const by = i === 30 ? '' : 'Helen Brooks';
      lines.push(
        `10/09/2026,${i + 1},Imported,${by},Action number ${i + 1},,${status},${review},,`,
      );
    }
    const step = p.paste('Actions', lines.join('\n'));
    const toast = step.out;
    const s = step.stats;
    const first = 22; // the demo has 20 actions in rows 2-21
    // "Finished": refused; a paste has no old value, so the cell is left empty and the note keeps what was typed.
    expect(p.value(`Actions!G${first + 10}`)).toBe('');
    expect(p.note('Actions', `G${first + 10}`)).toContain('"Finished" was typed here');
    expect(toast).toContain(
      `3 problems in the pasted rows of Actions, e.g. G${first + 10}: "Finished" is not a Status the program knows.`,
    );
    expect(p.value(`Actions!H${first + 20}`)).toBe('next Tuesday');
    expect(p.meta('Actions', `H${first + 20}`).note).toContain('"next Tuesday" is not a date');
    expect(p.meta('Actions', `H${first + 20}`).background).toBe(FLAG);
    expect(toast).toContain(`D${first + 30}: Action to be taken by is required`);
    expect(p.value(`Actions!G${first}`)).toBe('Closed');
    expect(p.display(`Actions!I${first}`)).toBe('23/11/2026');
    expect(p.display(`Actions!J${first + 499}`)).toBe('23/11/2026');
    expect(p.meta('Actions', `G${first + 1}`).note ?? '').toBe('');
    expect(p.values(`Actions!B${first + 499}:E${first + 499}`)[0].map(String)).toEqual([
      '500',
      'Imported',
      'Helen Brooks',
      'Action number 500',
    ]);
    expect(s.total).toBeLessThanOrEqual(10);
  });
});
