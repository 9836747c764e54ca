/**
 * Files a service makes outside the Drive's own calls (SpreadsheetApp.create): they are files
 * of the Drive too, so DriveApp.getFileById(ss.getId()) finds them, as in Apps Script. The
 * maker records them here per run (per ServiceContext); the Drive adds them before its next call.
 */
import type {ServiceContext} from '../context';

export interface MadeFile {
  id: string;
  name: string;
  mimeType: string;
}

const pending = new WeakMap<ServiceContext, MadeFile[]>();

export function recordMadeFile(ctx: ServiceContext, file: MadeFile): void {
  let list = pending.get(ctx);
  if (!list) pending.set(ctx, (list = []));
  list.push(file);
}

/** The files made since the last call, once each. */
export function takeMadeFiles(ctx: ServiceContext): MadeFile[] {
  const list = pending.get(ctx);
  if (!list || list.length === 0) return [];
  pending.delete(ctx);
  return list;
}
