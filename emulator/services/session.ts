/**
 * Session (developers.google.com/apps-script/reference/base/session): who runs the script
 * (`--as`), the script's time zone (manifest timeZone) and a per-user temporary key.
 * getEffectiveUser is the user under whose authority the script runs ("If the script is running
 * under an installable trigger, this returns the account of the user who created the trigger");
 * getActiveUser is the person acting (ctx.activeUser when set, e.g. who edited the spreadsheet).
 */
import {createHash} from 'node:crypto';
import type {ServiceContext} from '../context';
import {tracked} from './base';

export function createSession(ctx: ServiceContext, scriptId: string) {
  const user = (email: () => string) =>
    tracked(ctx, 'User', {getEmail: email, toString: () => email()});
  return tracked(ctx, 'Session', {
    getActiveUser: () => user(() => ctx.activeUser ?? ctx.user),
    getEffectiveUser: () => user(() => ctx.user),
    getScriptTimeZone: () => ctx.timeZone,
    getActiveUserLocale: () => 'en_GB',
    /** Stable for this user and script, and says nothing about who the user is. */
    getTemporaryActiveUserKey: () =>
      createHash('sha256')
        .update(`${scriptId}:${ctx.activeUser ?? ctx.user}`)
        .digest('base64url')
        .slice(0, 43),
  });
}
