/**
 * The other parts of the emulator (Sheets, Docs, Drive, Mail, Html) as the Workspace uses
 * them. They are looked up when a workspace opens, so a part that is not there yet gives a
 * plain "not yet" message instead of breaking the build of everything else.
 */
import type { ServiceContext } from '../context';
import * as sheetsPart from '../sheets';
import { DriveStore } from '../drive/store';
import { createDriveApp } from '../drive/drive-app';
import { createAdvancedDrive } from '../drive/advanced';
import { createDocumentApp } from '../docs/document-app';

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface SheetsPart {
  newWorkbookModel(name: string, opts?: { timeZone?: string; DateCtor?: DateConstructor }): any;
  loadXlsx(path: string, opts?: any): Promise<any>;
  saveXlsx(model: any, path: string): Promise<void>;
  createSpreadsheetApp(ctx: ServiceContext, model: any, host: { getUi(): unknown; toast?(msg: string, title?: string, timeout?: number): void }): any;
  userEdit(ss: any, a1: string, input: string[][]): { range: any; oldValue?: unknown; value?: unknown };
  setActiveRange(model: any, a1: string): void;
  getComputed(model: any, a1: string): { values: unknown[][]; display: string[][] };
}

export interface DrivePart {
  DriveStore: { load(workspaceDir: string, state: unknown): any };
  createDriveApp(ctx: ServiceContext, drive: any): unknown;
  createAdvancedDrive(ctx: ServiceContext, drive: any): unknown;
}
export interface DocsPart { createDocumentApp(ctx: ServiceContext, drive: any, opts?: { getUi?: () => unknown }): unknown }
export interface MailPart {
  createMailApp(ctx: ServiceContext, outboxDir: string, quota?: unknown): any;
  createGmailApp?(ctx: ServiceContext, outboxDir: string, quota?: unknown): any;
}
export interface HtmlPart { createHtmlService(ctx: ServiceContext, outDir: string): unknown }

function optional<T>(load: () => T): T | null {
  try {
    return load();
  } catch (e) {
    if (e && typeof e === 'object' && (e as { code?: string }).code === 'MODULE_NOT_FOUND' && /Cannot find module '\.\.\/(sheets|docs|drive|mail|html)'/.test(String((e as Error).message))) return null;
    throw e;
  }
}

// Until every part has landed, they are found at run time (a computed path esbuild leaves alone).
const load = (part: string) => optional(() => module.require(`../${part}`));
export const peers = {
  sheets: (): SheetsPart | null => sheetsPart as unknown as SheetsPart,
  drive: (): DrivePart | null => ({ DriveStore, createDriveApp, createAdvancedDrive }) as DrivePart,
  docs: (): DocsPart | null => ({ createDocumentApp }) as DocsPart,
  mail: (): MailPart | null => load('mail') as MailPart | null,
  html: (): HtmlPart | null => load('html') as HtmlPart | null,
};
