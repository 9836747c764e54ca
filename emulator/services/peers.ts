/**
 * The other parts of the emulator (Sheets, Docs, Drive, Mail, Html) as the Workspace and the
 * command line use them: one place that says what this part needs from theirs.
 */
import type {ServiceContext} from '../context';
import * as sheetsPart from '../sheets';
import {DriveStore} from '../drive/store';
import {createDriveApp, MIME_TYPES} from '../drive/drive-app';
import {createAdvancedDrive} from '../drive/advanced';
import {createDocumentApp} from '../docs/document-app';
import {createGmailApp, createMailApp, MailQuota} from '../mail/mail';
import {createHtmlService, writeHtmlOutput} from '../html/html-service';

export interface SheetsPart {
  newWorkbookModel(
    name: string,
    opts?: {timeZone?: string; DateCtor?: DateConstructor; clock?: {now(): Date}},
  ): any;
  loadXlsx(path: string, opts?: any): Promise<any>;
  saveXlsx(
    model: any,
    path: string,
    opts?: {snapshot?: string; name?: string},
  ): Promise<{unchangedTabs: ReadonlySet<string>} | void>;
  createSpreadsheetApp(
    ctx: ServiceContext,
    model: any,
    host: {getUi(): unknown; toast?(msg: string, title?: string, timeout?: number): void},
  ): any;
  userEdit(
    ss: any,
    a1: string,
    input: string[][],
  ): {range: any; oldValue?: unknown; value?: unknown; warning?: string};
  setActiveRange(model: any, a1: string): void;
  getComputed(model: any, a1: string): {values: unknown[][]; display: string[][]};
  createChartsService(ctx: ServiceContext): unknown;
}

export interface DrivePart {
  MIME_TYPES: Record<string, string>;
  DriveStore: {load(workspaceDir: string, state: unknown): any};
  createDriveApp(ctx: ServiceContext, drive: any): unknown;
  createAdvancedDrive(ctx: ServiceContext, drive: any): unknown;
}
export interface DocsPart {
  createDocumentApp(ctx: ServiceContext, drive: any, opts?: {getUi?: () => unknown}): unknown;
}
export interface MailPart {
  MailQuota: {fromState(state: unknown): {toState(): unknown}};
  createMailApp(ctx: ServiceContext, outboxDir: string, quota?: any): any;
  createGmailApp(ctx: ServiceContext, outboxDir: string, quota?: any): any;
}
export interface HtmlPart {
  createHtmlService(
    ctx: ServiceContext,
    outDir: string,
    opts?: {files?: Record<string, string>; globals?: Record<string, unknown>},
  ): unknown;
  writeHtmlOutput(outDir: string, kind: string, output: any, when?: Date): string;
}

export const peers = {
  sheets: (): SheetsPart | null => sheetsPart as unknown as SheetsPart,
  drive: (): DrivePart | null =>
    ({DriveStore, createDriveApp, createAdvancedDrive, MIME_TYPES}) as DrivePart,
  docs: (): DocsPart | null => ({createDocumentApp}) as DocsPart,
  mail: (): MailPart | null => ({MailQuota, createMailApp, createGmailApp}) as MailPart,
  html: (): HtmlPart | null => ({createHtmlService, writeHtmlOutput}) as HtmlPart,
};
