/**
 * A fictional committee for the papers end-to-end tests (example.org addresses only), loaded
 * through the real `clerk` command line with the governance tests' loader.
 */
import path from 'node:path';
import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import ExcelJS from 'exceljs';
import {main} from '../../emulator/cli';
import {BufferIo} from '../../emulator/services/io';
import {tabSpec} from '../../src/workbook/schema';

export type RowData = Record<string, string | number | boolean>;

/** `clerk ARGS…` in-process: the command line's own main(), output captured. */
export async function clerk(
  args: string[],
): Promise<{status: number; stdout: string; stderr: string}> {
  const io = new BufferIo();
  const status = await main(args, io);
  return {status, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n')};
}

export async function ok(
  args: string[],
): Promise<{status: number; stdout: string; stderr: string}> {
  const r = await clerk(args);
  if (r.status !== 0)
    throw new Error(`clerk ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

/**
 * Writes rows under each tab's headers (tabs made from the schema when missing) and Settings
 * values by name, with one setValues per tab, through `clerk exec`.
 */
const LOADER = `
function loadPapersFixture() {
  var data = PAPERS_FIXTURE, ss = SpreadsheetApp.getActiveSpreadsheet();
  function cell(v) {
    if (typeof v === 'string' && /^\\d{4}-\\d{2}-\\d{2}$/.test(v)) { var p = v.split('-'); return new Date(+p[0], +p[1] - 1, +p[2]); }
    if (typeof v === 'string' && /^\\d{2}:\\d{2}$/.test(v)) { var t = v.split(':'); return new Date(1899, 11, 30, +t[0], +t[1]); }
    return v === undefined || v === null ? '' : v;
  }
  data.tabs.forEach(function (tab) {
    var sh = ss.getSheetByName(tab.name) || ss.insertSheet(tab.name);
    var n = sh.getLastColumn();
    var headers = n ? sh.getRange(1, 1, 1, n).getValues()[0].map(String) : [];
    if (!headers.length) { headers = tab.headers; sh.getRange(1, 1, 1, headers.length).setValues([headers]); }
    if (!tab.rows.length) return;
    var grid = tab.rows.map(function (o) { return headers.map(function (h) { return cell(o[h]); }); });
    sh.getRange(Math.max(sh.getLastRow(), 1) + 1, 1, grid.length, headers.length).setValues(grid);
  });
  var st = ss.getSheetByName('Settings'), sg = st.getDataRange().getValues();
  Object.keys(data.settings).forEach(function (k) {
    var r = -1;
    for (var i = 1; i < sg.length; i++) if (String(sg[i][0]) === k) r = i;
    if (r < 0) { sg.push([k, data.settings[k]].concat(sg[0].slice(2).map(function () { return ''; }))); } else sg[r][1] = data.settings[k];
  });
  st.getRange(1, 1, sg.length, sg[0].length).setValues(sg);
}`;

export async function loadFixture(
  book: string,
  tabs: Record<string, RowData[]>,
  settings: Record<string, string>,
): Promise<void> {
  const file = path.join(path.dirname(book), 'fixture.js');
  const payload = {
    settings,
    tabs: [
      {name: 'Settings', rows: [] as RowData[]},
      ...Object.entries(tabs).map(([name, rows]) => ({name, rows})),
    ].map(t => ({...t, headers: tabSpec(t.name).columns.map(c => c.header)})),
  };
  writeFileSync(file, `var PAPERS_FIXTURE = ${JSON.stringify(payload)};\n${LOADER}`);
  await ok([
    'exec',
    book,
    path.join(__dirname, '..', '..', 'dist', 'Code.js'),
    file,
    '--call',
    'loadPapersFixture',
  ]);
}

export function tmpBook(name = 'book'): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'papers-')), `${name}.xlsx`);
}

export const TODAY = '2020-09-21';
export const MEETING_ROW = 3; // Meetings row of 8 October 2020

export const SETTINGS = {
  'Group name': 'Adults Committee',
  'Clerk name': 'Kim Clerk',
  'Clerk email': 'clerk@example.org',
  'Clerk phone': '01632 960123',
  'Time zone': 'Europe/London',
};

export const MEMBERS: RowData[] = [
  {
    Name: 'Ann Able',
    Organisation: 'Able Care Ltd',
    Role: 'Chair',
    Email: 'ann.able@example.org',
    Phone: '01632 960001',
    Status: 'Active',
  },
  {
    Name: 'Ben Brook',
    Organisation: 'Brook Homes',
    Role: 'Vice-chair',
    Email: 'ben.brook@example.org',
    Phone: '01632 960002',
    Status: 'Active',
  },
  {
    Name: 'Cat Cole',
    Organisation: 'Cole Support',
    Role: 'Member',
    Email: 'cat.cole@example.org',
    Phone: '07700 900003',
    Status: 'Active',
  },
  {
    Name: 'Dan Dee',
    Organisation: 'Dee Homecare',
    Role: 'Member',
    Email: 'dan.dee@example.org',
    Phone: '07700 900004',
    Status: 'Active',
  },
  {
    Name: 'Eve Ely',
    Organisation: 'Ely Living',
    Role: 'Member',
    Email: 'eve.ely@example.org',
    Phone: '07700 900005',
    Status: 'Left',
  },
  {
    Name: 'Lee Officer',
    Organisation: 'Example Council',
    Role: 'Lead officer',
    Email: 'lee.officer@example.org',
    Phone: '01632 960099',
    Status: 'Active',
  },
];

export const MEETINGS: RowData[] = [
  {
    'Meeting date': '2020-07-09',
    'Start time': '10:00',
    'End time': '12:00',
    Venue: 'Council Chamber, County Hall',
    Type: 'Ordinary',
    Status: 'Held',
  },
  {
    'Meeting date': '2020-10-08',
    'Start time': '10:00',
    'End time': '12:30',
    Venue: 'Council Chamber, County Hall',
    Type: 'Ordinary',
    Status: 'Confirmed',
  },
  {
    'Meeting date': '2021-01-14',
    'Start time': '14:00',
    'End time': '16:00',
    Venue: 'virtual',
    Type: 'Ordinary',
    Status: 'Provisional',
  },
  {
    'Meeting date': '',
    Venue: 'Room 2',
    Type: 'Extra',
    Status: 'Provisional',
    Notes: 'date to be agreed',
  },
];

/** Exempt and confidential items: none of this text may appear in a public paper. */
export const SECRET_ITEMS: RowData[] = [
  {
    'Meeting date': '2020-10-08',
    Section: 'Exempt items',
    Title: 'Homecare provider failure: contingency costs',
    Purpose: 'To decide',
    'Lead officer': 'Director of Commissioning',
    'Paper status': 'Received',
    Confidential: 'Yes',
    Notes: 'Commercially sensitive figures from Example Homecare',
  },
  {
    'Meeting date': '2020-10-08',
    Section: 'Decisions',
    Title: 'Fee uplift for named residents of Elm House',
    Purpose: 'To decide',
    'Lead officer': 'Safeguarding Lead',
    'Paper status': 'To follow',
    Confidential: 'Yes',
    Notes: 'Named residents',
  },
];

export const AGENDA: RowData[] = [
  {
    'Meeting date': '2020-10-08',
    'Item no.': 1,
    Section: 'Constitutional matters',
    Title: 'Apologies for absence and declarations of interest',
    Purpose: 'To note',
    'Paper status': 'No paper',
    'Standing item': 'Yes',
  },
  {
    'Meeting date': '2020-10-08',
    'Item no.': 2,
    Section: 'Constitutional matters',
    Title: 'Minutes of the previous meeting',
    Purpose: 'To approve',
    'Lead officer': 'Kim Clerk',
    'Paper status': 'Received',
    'Standing item': 'Yes',
  },
  {
    'Meeting date': '2020-10-08',
    Section: 'Key decisions',
    Title: 'Recommissioning of supported living',
    Purpose: 'To decide',
    'Lead officer': 'Lee Officer',
    'Key decision ref': 'KD2020/15',
    'Paper status': 'Received',
  },
  {
    'Meeting date': '2020-10-08',
    Section: 'Information and monitoring',
    Title: 'Quarterly quality report',
    Purpose: 'To note',
    'Lead officer': 'Head of Quality',
    'Paper status': 'To follow',
  },
  ...SECRET_ITEMS,
  {
    'Meeting date': '2020-07-09',
    Section: 'Decisions',
    Title: 'Carers strategy',
    Purpose: 'To approve',
    'Lead officer': 'Lee Officer',
    'Paper status': 'Received',
  },
  {
    Section: 'Information and monitoring',
    Title: 'Market position statement refresh',
    'Lead officer': 'Mo Planner',
  },
];

export const ATTENDANCE: RowData[] = [
  {'Meeting date': '2020-07-09', Member: 'Ann Able', Attendance: 'Present'},
  {'Meeting date': '2020-07-09', Member: 'Ben Brook', Attendance: 'Apologies'},
  {
    'Meeting date': '2020-07-09',
    Member: 'Cat Cole',
    Attendance: 'Substitute attended',
    Substitute: 'Sue Stand-in',
  },
  {
    'Meeting date': '2020-07-09',
    Member: 'Dan Dee',
    Attendance: 'Present',
    'Declarations of interest': 'Director of a provider bidding for lot 2',
  },
  {'Meeting date': '2020-07-09', Member: 'Lee Officer', Attendance: 'Present'},
];

export const ACTIONS: RowData[] = [
  {
    'Meeting date': '2020-07-09',
    'Minute no.': '4',
    'Report title': 'Carers strategy',
    'Action to be taken by': 'Lee Officer',
    Action: 'Publish the carers strategy',
    Status: 'Open',
    'Review date': '2020-10-01',
  },
  {
    'Meeting date': '2020-07-09',
    'Minute no.': '5',
    'Report title': 'Quality',
    'Action to be taken by': 'Ann Able',
    Action: 'Write to the regulator',
    Status: 'Closed',
    'Date closed': '2020-08-15',
  },
  {
    'Meeting date': '2020-04-02',
    'Minute no.': '9',
    'Report title': 'Budget',
    'Action to be taken by': 'Ben Brook',
    Action: 'Closed long ago: must not appear',
    Status: 'Closed',
    'Date closed': '2020-05-01',
  },
  {
    'Meeting date': '2020-04-02',
    'Minute no.': '7',
    'Report title': 'Homecare',
    'Action to be taken by': 'Dan Dee',
    Action: 'Review homecare rates',
    Status: 'Ongoing',
    'Review date': '2020-11-30',
  },
];

/** A blank .xlsx (the program's set-up adds what is missing), then the fixture rows. */
export async function papersBook(extra: Partial<Record<string, RowData[]>> = {}): Promise<string> {
  const book = tmpBook('papers');
  const r = await clerk(['new', book, '--today', TODAY]);
  if (r.status !== 0) {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await wb.xlsx.writeFile(book);
  }
  await loadFixture(
    book,
    {
      Members: MEMBERS,
      Meetings: MEETINGS,
      Agenda: AGENDA,
      Attendance: ATTENDANCE,
      Actions: ACTIONS,
      ...extra,
    } as Record<string, RowData[]>,
    SETTINGS,
  );
  return book;
}

export interface RunResult {
  stdout: string;
  stats: {calls: Record<string, number>; total: number; modelledMs: number};
}

export async function run(book: string, fn: string, ...args: string[]): Promise<RunResult> {
  const r = await ok(['run', book, fn, '--today', TODAY, '--stats', ...args]);
  const line = r.stderr
    .trim()
    .split('\n')
    .reverse()
    .find(l => l.startsWith('{'));
  return {
    stdout: r.stdout,
    stats: line ? JSON.parse(line) : {calls: {}, total: NaN, modelledMs: NaN},
  };
}

/** Every .docx in the emulated Drive (path relative to drive/). */
export function driveDocs(book: string): string[] {
  const root = path.join(book.replace(/\.xlsx$/, '.workspace'), 'drive');
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.docx')) out.push(path.relative(root, p));
    }
  };
  walk(root);
  return out.sort();
}

export function docBytes(book: string, rel: string): Uint8Array {
  return readFileSync(path.join(book.replace(/\.xlsx$/, '.workspace'), 'drive', rel));
}

/** Names of the Drive files matching a Drive query (run through the emulated advanced Drive service). */
export async function driveNames(book: string, query: string): Promise<string[]> {
  const dir = path.dirname(book);
  const file = path.join(dir, 'list-files.js');
  writeFileSync(
    file,
    `function listFiles(q) { var r = Drive.Files.list({ q: q, fields: 'files(id,name)' }); return (r.files || []).map(function (f) { return f.name; }); }\n`,
  );
  return (
    JSON.parse(
      (await ok(['exec', book, file, '--call', 'listFiles', '--args', JSON.stringify([query])]))
        .stdout,
    ) as string[]
  ).sort();
}

/** The HTML of the dialog a run showed (the emulator writes dialogs as files). */
export function dialogHtml(stdout: string): string {
  const m = stdout.match(/dialog: .* -> (.*\.html)/);
  return m ? readFileSync(m[1], 'utf8') : '';
}
