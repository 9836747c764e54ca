/**
 * Ui (developers.google.com/apps-script/reference/base/ui) for a run from the command line:
 * menus are recorded and printed as a tree; alert and prompt print their text and take their
 * answers from the queued `--answer` values; dialogs and sidebars become HTML files.
 */
import {requireScope, type ServiceContext} from '../context';
import {gasEnum, tracked, type EnumValue} from './base';
import type {Io} from './io';

export const Button = gasEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = gasEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
type ButtonName = keyof typeof Button;

const BUTTONS_OF: Record<string, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

const CONTAINER_UI_SCOPE = 'https://www.googleapis.com/auth/script.container.ui';

export type MenuEntry =
  | {kind: 'item'; caption: string; functionName: string}
  | {kind: 'separator'}
  | {kind: 'submenu'; menu: MenuRecord};
export interface MenuRecord {
  title: string;
  entries: MenuEntry[];
}

/** What the run's Ui needs from the workspace. */
export interface UiHost {
  io: Io;
  /** Answers still to give, in order (`--answer`); the Ui takes from the front. */
  answers: string[];
  /** Keeps the HTML output of a dialog or sidebar as a file to be written on save; returns the path it will have. */
  stageHtml(kind: 'dialog' | 'sidebar', title: string, output: {getContent(): string}): string;
}

/** Thrown when the script asks a question that no --answer answers. */
export class UnansweredQuestionError extends Error {}

export class UiRecorder {
  /** Menus added to the spreadsheet's UI in this run, in order. */
  readonly menus: MenuRecord[] = [];
  constructor(
    private readonly ctx: ServiceContext,
    private readonly host: UiHost,
  ) {}

  create() {
    const {ctx, host} = this;
    const self = this;
    const makeMenu = (title: string): object => {
      const rec: MenuRecord = {title, entries: []};
      const menu: Record<string, unknown> = {
        _record: rec,
        addItem(caption: string, functionName: string) {
          if (typeof caption !== 'string' || typeof functionName !== 'string')
            throw new Error('Invalid argument: addItem');
          rec.entries.push({kind: 'item', caption, functionName});
          return wrapped;
        },
        addSeparator() {
          rec.entries.push({kind: 'separator'});
          return wrapped;
        },
        addSubMenu(sub: {_record?: MenuRecord}) {
          if (!sub || !sub._record) throw new Error('Invalid argument: menu');
          rec.entries.push({kind: 'submenu', menu: sub._record});
          return wrapped;
        },
        addToUi() {
          const i = self.menus.findIndex(m => m.title === rec.title);
          if (i >= 0) self.menus.splice(i, 1, rec);
          else self.menus.push(rec);
          host.io.out(formatMenu(rec));
        },
      };
      const wrapped = tracked(ctx, 'Menu', menu);
      return wrapped;
    };

    const ui = tracked(ctx, 'Ui', {
      Button,
      ButtonSet,
      createMenu: (caption: string) => makeMenu(caption),
      createAddonMenu: () => makeMenu('Add-ons'),
      alert(...args: unknown[]) {
        const {title, prompt, buttons} = dialogArgs(args, 'alert');
        host.io.out(`alert: ${title ? `${title}: ` : ''}${prompt}`);
        return self.answerButton(title, prompt, buttons);
      },
      prompt(...args: unknown[]) {
        const {title, prompt, buttons} = dialogArgs(args, 'prompt');
        host.io.out(`prompt: ${title ? `${title}: ` : ''}${prompt}`);
        return self.answerPrompt(title, prompt, buttons);
      },
      showModalDialog: (output: unknown, title: string) =>
        self.show('Ui.showModalDialog', 'dialog', output, title),
      showModelessDialog: (output: unknown, title: string) =>
        self.show('Ui.showModelessDialog', 'dialog', output, title),
      showSidebar: (output: unknown) => self.show('Ui.showSidebar', 'sidebar', output, undefined),
    });
    return ui;
  }

  /**
   * The Browser service of Sheets (developers.google.com/apps-script/reference/base/browser):
   * msgBox gives the clicked button's name in lower case, inputBox the typed text or "cancel".
   * Answers come from --answer as for Ui.alert and Ui.prompt.
   */
  createBrowser() {
    const self = this;
    const {host} = this;
    return tracked(this.ctx, 'Browser', {
      Buttons: ButtonSet,
      msgBox(...args: unknown[]): string {
        const {title, prompt, buttons} = dialogArgs(args, 'msgBox');
        host.io.out(`msgBox: ${title ? `${title}: ` : ''}${prompt}`);
        return String(self.answerButton(title, prompt, buttons)).toLowerCase();
      },
      inputBox(...args: unknown[]): string {
        const {title, prompt, buttons} = dialogArgs(args, 'inputBox');
        host.io.out(`inputBox: ${title ? `${title}: ` : ''}${prompt}`);
        const r = self.answerPrompt(title, prompt, buttons);
        const b = String(r.getSelectedButton());
        return b === 'CANCEL' || b === 'CLOSE' ? 'cancel' : r.getResponseText();
      },
    });
  }

  private next(title: string, prompt: string): string {
    const a = this.host.answers.shift();
    if (a === undefined) {
      throw new UnansweredQuestionError(
        `the script asked "${title ? `${title}: ` : ''}${prompt}" and no --answer was given for it`,
      );
    }
    return a;
  }

  private answerButton(title: string, prompt: string, buttons: EnumValue) {
    const allowed = BUTTONS_OF[String(buttons)];
    // A message with only OK needs no answer; it takes one only when the next answer is "ok".
    if (allowed.length === 1) {
      if (this.host.answers[0]?.trim().toLowerCase() === 'ok') this.host.answers.shift();
      this.host.io.out('  -> OK');
      return Button.OK;
    }
    const a = this.next(title, prompt).trim().toUpperCase();
    if (!(allowed as string[]).includes(a)) {
      throw new UnansweredQuestionError(
        `--answer "${a.toLowerCase()}" does not fit "${prompt}" (buttons: ${allowed.map(b => b.toLowerCase()).join(', ')})`,
      );
    }
    this.host.io.out(`  -> ${a}`);
    return Button[a as ButtonName];
  }

  private answerPrompt(title: string, prompt: string, buttons: EnumValue) {
    const allowed = BUTTONS_OF[String(buttons)];
    const a = this.next(title, prompt);
    const word = a.trim().toUpperCase();
    let button: ButtonName;
    let text = '';
    if (
      (word === 'CANCEL' || word === 'NO' || word === 'CLOSE') &&
      (allowed.includes(word as ButtonName) || word === 'CLOSE')
    ) {
      button = word as ButtonName;
    } else {
      // "text:" forces the rest to be typed text, for answers that are also button names.
      text = a.startsWith('text:') ? a.slice(5) : a;
      button = allowed[0];
    }
    this.host.io.out(`  -> ${button}${text ? ` "${text}"` : ''}`);
    return tracked(this.ctx, 'PromptResponse', {
      getResponseText: () => text,
      getSelectedButton: () => Button[button],
    });
  }

  private show(
    call: string,
    kind: 'dialog' | 'sidebar',
    output: unknown,
    title: string | undefined,
  ): void {
    requireScope(this.ctx, call, [CONTAINER_UI_SCOPE]);
    const o = output as {
      getContent?: () => string;
      getTitle?: () => string;
      setTitle?: (t: string) => unknown;
    };
    if (!o || typeof o.getContent !== 'function')
      throw new Error('Invalid argument: userInterface');
    // showModalDialog(userInterface, title): the dialog shows that title. The title is read and
    // set directly: these are the emulator's own steps, not calls the script makes (--stats).
    const t = o as {title?: unknown};
    if (title && typeof t.title === 'string' && !t.title) t.title = String(title);
    const name = title || (typeof t.title === 'string' ? t.title : o.getTitle?.()) || kind;
    const path = this.host.stageHtml(kind, name, o as {getContent(): string});
    this.host.io.out(`${kind === 'sidebar' ? 'sidebar' : 'dialog'}: ${name} -> ${path}`);
  }
}

function dialogArgs(
  args: unknown[],
  what: string,
): {title: string; prompt: string; buttons: EnumValue} {
  const isButtonSet = (x: unknown) => Object.values(ButtonSet).includes(x as EnumValue);
  let title = '',
    prompt: unknown,
    buttons: unknown = ButtonSet.OK;
  if (args.length >= 3) [title, prompt, buttons] = args as [string, unknown, unknown];
  else if (args.length === 2) [prompt, buttons] = args;
  else [prompt] = args;
  if (typeof prompt !== 'string') throw new Error(`Invalid argument: ${what} prompt`);
  if (!isButtonSet(buttons)) throw new Error('Invalid argument: buttons');
  return {title: String(title ?? ''), prompt, buttons: buttons as EnumValue};
}

/** A menu as an indented tree, as the officer would see it in the menu bar. */
export function formatMenu(menu: MenuRecord, indent = ''): string {
  const lines = [`${indent}${indent ? '' : 'menu: '}${menu.title}`];
  for (const e of menu.entries) {
    if (e.kind === 'separator') lines.push(`${indent}  ────────`);
    else if (e.kind === 'item') lines.push(`${indent}  ${e.caption}  [${e.functionName}]`);
    else lines.push(formatMenu(e.menu, `${indent}  `));
  }
  return lines.join('\n');
}
