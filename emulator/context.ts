/**
 * What every emulated service shares during one run: the call counter, the clock the program
 * sees, who is running it, and whether we are inside a simple trigger (where Google refuses
 * services that need authorisation).
 */
import {CallStats} from './stats';

export type AuthMode = 'FULL' | 'LIMITED';

export interface ServiceContext {
  readonly stats: CallStats;
  /** The clock the program sees (`--today`); `now()` advances with real time from that day. */
  readonly clock: Clock;
  /**
   * The user under whose authority the script runs (`--as`, e.g. clerk@example.org): what
   * Session.getEffectiveUser gives, who sends the mail, owns new files and installs triggers.
   * Inside an installable trigger, the user who installed it.
   */
  user: string;
  /**
   * The person at the keyboard when that is not `user`: inside an installable trigger, who
   * opened or edited the spreadsheet (Session.getActiveUser, the event's `user`). Unset: `user`.
   * An empty string: Google withholds who it is (developers.google.com/apps-script/reference/base/session#getActiveUser).
   */
  activeUser?: string;
  /** LIMITED inside onOpen/onEdit run as simple triggers. */
  authMode: AuthMode;
  /** The scopes the manifest grants (dist/appsscript.json `oauthScopes`). */
  readonly scopes: readonly string[];
  /** The script time zone (manifest `timeZone`). */
  readonly timeZone: string;
}

export interface Clock {
  now(): Date;
  /** The day the program sees, as YYYY-MM-DD. */
  readonly today: string;
}

/** A clock that starts at `today` (YYYY-MM-DD, at the current time of day) or the real date. */
export function makeClock(today?: string): Clock {
  if (!today) {
    const d = new Date();
    return {now: () => new Date(), today: d.toISOString().slice(0, 10)};
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
    throw new Error(`--today must be a date written YYYY-MM-DD; got "${today}".`);
  }
  const started = Date.now();
  // 09:00 local on that day, so that "today" in Europe/London is that day whatever the season.
  const base = Date.parse(`${today}T09:00:00Z`);
  return {now: () => new Date(base + (Date.now() - started)), today};
}

/**
 * Throws as Apps Script does when a service needs authorisation the run does not have:
 * inside a simple trigger (developers.google.com/apps-script/guides/triggers, "Restrictions":
 * "They can't access services that require authorization"), or when the manifest does not
 * grant the scope.
 */
export function requireScope(ctx: ServiceContext, call: string, scopes: readonly string[]): void {
  const granted = scopes.some(s => ctx.scopes.includes(s));
  if (ctx.authMode === 'LIMITED' || !granted) {
    throw new Error(
      `Exception: You do not have permission to call ${call}. Required permissions: ${scopes[0]}`,
    );
  }
}

export function newContext(
  opts: {today?: string; user?: string; scopes?: readonly string[]; timeZone?: string} = {},
): ServiceContext {
  return {
    stats: new CallStats(),
    clock: makeClock(opts.today),
    user: opts.user ?? 'clerk@example.org',
    authMode: 'FULL',
    scopes: opts.scopes ?? [],
    timeZone: opts.timeZone ?? 'Europe/London',
  };
}
