/**
 * Session (developers.google.com/apps-script/reference/base/session): who runs the script
 * (`--as`), the script's time zone (manifest timeZone) and a per-user temporary key.
 */
import {createHash} from 'node:crypto';
import type {ServiceContext} from '../context';
import {tracked} from './base';

export function createSession(ctx: ServiceContext, scriptId: string) {
  const user = (email: () => string) =>
    tracked(ctx, 'User', {getEmail: email, toString: () => email()});
  return tracked(ctx, 'Session', {
    getActiveUser: () => user(() => ctx.user),
    getEffectiveUser: () => user(() => ctx.user),
    getScriptTimeZone: () => ctx.timeZone,
    getActiveUserLocale: () => 'en_GB',
    /** Stable for this user and script, and says nothing about who the user is. */
    getTemporaryActiveUserKey: () =>
      createHash('sha256').update(`${scriptId}:${ctx.user}`).digest('base64url').slice(0, 43),
  });
}
