/**
 * A script realm for conformance tests: a new workbook and its Workspace in a temporary
 * folder, the services as globals, and `gas(code)` running a function body inside the
 * script's vm realm, so arrays, Dates and objects are made there as in Apps Script.
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import {Workspace} from '../../emulator/workspace';
import {BufferIo} from '../../emulator/services/io';

export interface Realm {
  ws: Workspace;
  io: BufferIo;
  dir: string;
  /** Runs `body` as a function in the script realm and returns its result. */
  gas<T = unknown>(body: string): T;
}

export async function scriptRealm(
  opts: {today?: string; timeZone?: string; source?: string} = {},
): Promise<Realm> {
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-conformance-'));
  const file = path.join(dir, 'Code.js');
  writeFileSync(file, opts.source ?? '');
  const io = new BufferIo();
  const ws = await Workspace.open(path.join(dir, 'Book.xlsx'), {
    create: true,
    io,
    today: opts.today ?? '2026-03-10',
    timeZone: opts.timeZone,
    scopes: [
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/documents',
      'https://www.googleapis.com/auth/drive',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://mail.google.com/',
      'https://www.googleapis.com/auth/script.scriptapp',
    ],
  });
  const rt = ws.loadScript([file]);
  return {
    ws,
    io,
    dir,
    gas: <T>(body: string) => vm.runInContext(`(function () {\n${body}\n})()`, rt.context) as T,
  };
}
