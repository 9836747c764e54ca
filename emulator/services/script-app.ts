/**
 * ScriptApp (developers.google.com/apps-script/reference/script/script-app): installable
 * triggers recorded in state.json (time-driven and spreadsheet ones), the AuthMode, EventType,
 * TriggerSource and WeekDay enums. Creating, listing and deleting triggers needs the
 * script.scriptapp scope, and is refused inside simple triggers.
 */
import {randomBytes} from 'node:crypto';
import {requireScope, type ServiceContext} from '../context';
import {gasEnum, tracked} from './base';

export const AuthMode = gasEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const EventType = gasEnum([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export const TriggerSource = gasEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const WeekDay = gasEnum([
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]);

export const AuthorizationStatus = gasEnum(['REQUIRED', 'NOT_REQUIRED']);
export const InstallationSource = gasEnum([
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
]);

const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
/** Quotas page: 20 triggers per user per script. */
export const MAX_TRIGGERS = 20;

export type TriggerEvent = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

export interface TriggerRecord {
  uid: string;
  handler: string;
  event: TriggerEvent;
  source: 'CLOCK' | 'SPREADSHEETS' | 'DOCUMENTS' | 'FORMS';
  sourceId: string | null;
  /** Who installed it: an installable trigger runs as that user. */
  user: string;
  /** Time-driven schedule, as the builder set it. */
  schedule?: Record<string, string | number>;
}

export class Trigger {
  constructor(readonly _record: TriggerRecord) {}
  getHandlerFunction(): string {
    return this._record.handler;
  }
  getUniqueId(): string {
    return this._record.uid;
  }
  getEventType() {
    return EventType[this._record.event];
  }
  getTriggerSource() {
    return TriggerSource[this._record.source];
  }
  getTriggerSourceId(): string | null {
    return this._record.sourceId;
  }
}

function newUid(): string {
  // Trigger ids are long decimal strings in Apps Script.
  return BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString()
    .padStart(19, '1');
}

const EVERY_HOURS = [1, 2, 4, 6, 8, 12];
const EVERY_MINUTES = [1, 5, 10, 15, 30];

export interface ScriptAppOptions {
  scriptId: string;
  /** The spreadsheet the script is bound to (id), if any. */
  containerId: string | null;
}

export function createScriptApp(
  ctx: ServiceContext,
  triggers: TriggerRecord[],
  opts: ScriptAppOptions,
) {
  const need = (call: string) => requireScope(ctx, call, [SCRIPTAPP_SCOPE]);
  const token = `ya29.offline-${randomBytes(24).toString('base64url')}`;
  const wrapTrigger = (r: TriggerRecord) => tracked(ctx, 'Trigger', new Trigger(r));

  function install(record: Omit<TriggerRecord, 'uid' | 'user'>) {
    if (triggers.filter(t => t.user === ctx.user).length >= MAX_TRIGGERS) {
      throw new Error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    const r: TriggerRecord = {uid: newUid(), user: ctx.user, ...record};
    triggers.push(r);
    return wrapTrigger(r);
  }

  function clockBuilder(handler: string) {
    const schedule: Record<string, string | number> = {};
    const set = (k: string, v: string | number) => {
      schedule[k] = v;
      return b;
    };
    const b = tracked(ctx, 'ClockTriggerBuilder', {
      everyMinutes(n: number) {
        if (!EVERY_MINUTES.includes(n))
          throw new Error('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
        return set('everyMinutes', n);
      },
      everyHours(n: number) {
        if (!EVERY_HOURS.includes(n))
          throw new Error('The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
        return set('everyHours', n);
      },
      everyDays: (n: number) => set('everyDays', checkWhole(n, 'everyDays')),
      everyWeeks: (n: number) => set('everyWeeks', checkWhole(n, 'everyWeeks')),
      onWeekDay: (day: unknown) => set('onWeekDay', String(day)),
      onMonthDay: (day: number) => set('onMonthDay', checkWhole(day, 'onMonthDay')),
      atHour(h: number) {
        if (!Number.isInteger(h) || h < 0 || h > 23) throw new Error('Invalid argument: hour');
        return set('atHour', h);
      },
      nearMinute: (m: number) => set('nearMinute', m),
      inTimezone: (tz: string) => set('timeZone', tz),
      at: (d: Date) => set('at', new Date(d.getTime()).toISOString()),
      atDate: (y: number, m: number, d: number) =>
        set('atDate', `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      after: (ms: number) => set('at', new Date(ctx.clock.now().getTime() + ms).toISOString()),
      create() {
        if (!Object.keys(schedule).length)
          throw new Error('Missing a time-based trigger schedule (for example everyDays(1)).');
        return install({
          handler,
          event: 'CLOCK',
          source: 'CLOCK',
          sourceId: null,
          schedule: {...schedule},
        });
      },
    });
    return b;
  }

  function spreadsheetBuilder(handler: string, sourceId: string) {
    let event: TriggerEvent | null = null;
    const b = tracked(ctx, 'SpreadsheetTriggerBuilder', {
      onEdit: () => ((event = 'ON_EDIT'), b),
      onOpen: () => ((event = 'ON_OPEN'), b),
      onChange: () => ((event = 'ON_CHANGE'), b),
      onFormSubmit: () => ((event = 'ON_FORM_SUBMIT'), b),
      create() {
        if (!event)
          throw new Error('Missing the event type of the trigger (for example onEdit()).');
        return install({handler, event, source: 'SPREADSHEETS', sourceId});
      },
    });
    return b;
  }

  return tracked(ctx, 'ScriptApp', {
    AuthMode,
    EventType,
    TriggerSource,
    WeekDay,
    newTrigger(functionName: string) {
      need('ScriptApp.newTrigger');
      if (typeof functionName !== 'string' || !functionName)
        throw new Error('Invalid argument: functionName');
      return tracked(ctx, 'TriggerBuilder', {
        timeBased: () => clockBuilder(functionName),
        forSpreadsheet(sheet: string | {getId(): string}) {
          const id = typeof sheet === 'string' ? sheet : sheet?.getId?.();
          if (!id) throw new Error('Invalid argument: sheet');
          return spreadsheetBuilder(functionName, id);
        },
      });
    },
    getProjectTriggers() {
      need('ScriptApp.getProjectTriggers');
      return triggers.filter(t => t.user === ctx.user).map(wrapTrigger);
    },
    getUserTriggers(container: {getId(): string}) {
      need('ScriptApp.getUserTriggers');
      const id = container?.getId?.();
      return triggers.filter(t => t.user === ctx.user && t.sourceId === id).map(wrapTrigger);
    },
    deleteTrigger(trigger: Trigger) {
      need('ScriptApp.deleteTrigger');
      const uid = trigger?.getUniqueId?.();
      const i = triggers.findIndex(t => t.uid === uid);
      if (i < 0) throw new Error('Invalid argument: trigger');
      triggers.splice(i, 1);
    },
    getScriptId: () => opts.scriptId,
    /**
     * A token for the run's user (script-app#getoauthtoken). Offline there is no Google to send
     * it to: it is an opaque string, the same for the whole run.
     */
    getOAuthToken: () => token,
    /** Everything the emulator grants is granted: authorization is never required (script-app#getauthorizationinfoauthmode). */
    getAuthorizationInfo(authMode: unknown) {
      if (!Object.values(AuthMode).includes(authMode as (typeof AuthMode)['FULL']))
        throw new Error(
          `The parameters (${authMode === undefined ? '' : typeof authMode === 'string' ? 'String' : 'Object'}) don't match the method signature for ScriptApp.getAuthorizationInfo.`,
        );
      return tracked(ctx, 'AuthorizationInfo', {
        getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED,
        getAuthorizationUrl: () => null,
        getAuthorizedScopes: () => [...ctx.scopes],
      });
    },
    getInstallationSource: () => InstallationSource.NONE,
    AuthorizationStatus,
    InstallationSource,
  });
}

function checkWhole(n: unknown, what: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
    throw new Error(`Invalid argument: ${what}`);
  return n;
}

/** The installable triggers of this kind for a spreadsheet, in the order they were made. */
export function triggersFor(
  triggers: readonly TriggerRecord[],
  event: TriggerEvent,
  sourceId: string | null,
): TriggerRecord[] {
  return triggers.filter(t => t.event === event && (event === 'CLOCK' || t.sourceId === sourceId));
}
