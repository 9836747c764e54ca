/**
 * Fidelity of the non-document services. Each block names the Google reference page whose
 * behaviour it checks.
 */
import {createHash} from 'node:crypto';
import {newContext, type ServiceContext} from '../../emulator/context';
import {sleepableClock} from '../../emulator/workspace';
import {createPropertiesService, emptyPropertiesState} from '../../emulator/services/properties';
import {createLockService, LOCK_TIMEOUT_MESSAGE} from '../../emulator/services/lock';
import {createCacheService} from '../../emulator/services/cache';
import {createUtilities, formatString} from '../../emulator/services/utilities';
import {formatDate} from '../../emulator/services/format-date';
import {createSession} from '../../emulator/services/session';
import {createConsole, createLogger, RunLog} from '../../emulator/services/logger';
import {BufferIo} from '../../emulator/services/io';
import {parseCsv} from '../../emulator/services/csv';

function ctxAt(today = '2026-03-10', user = 'clerk@example.org'): ServiceContext {
  const base = newContext({today, user, scopes: []});
  return {...base, clock: sleepableClock(base.clock), user};
}

// developers.google.com/apps-script/reference/properties/properties
describe('PropertiesService', () => {
  test('strings only, null when absent, setProperties with deleteAllOthers', () => {
    const ctx = ctxAt();
    const state = emptyPropertiesState();
    const ps = createPropertiesService(ctx, state, {bound: true});
    const p = ps.getScriptProperties();
    expect(p.getProperty('missing')).toBeNull();
    p.setProperty('count', 3 as unknown as string);
    expect(p.getProperty('count')).toBe('3');
    p.setProperties({a: true, b: 'x'});
    expect(p.getProperties()).toEqual({count: '3', a: 'true', b: 'x'});
    p.setProperties({only: 'this'}, true);
    expect(p.getKeys()).toEqual(['only']);
    p.deleteProperty('only');
    expect(p.getKeys()).toEqual([]);
    // the state is what state.json keeps
    ps.getUserProperties().setProperty('k', 'v');
    expect(state.user['clerk@example.org']).toEqual({k: 'v'});
    expect(ctx.stats.get('Properties.setProperty')).toBe(2);
  });

  test('document properties are null when not bound', () => {
    const ps = createPropertiesService(ctxAt(), emptyPropertiesState(), {bound: false});
    expect(ps.getDocumentProperties()).toBeNull();
  });

  test("9 KB per value and 500 KB per store, with Google's error, and nothing half-written", () => {
    const p = createPropertiesService(ctxAt(), emptyPropertiesState(), {
      bound: true,
    }).getScriptProperties();
    const quota =
      'You have exceeded the property storage quota. Please remove some properties and try again.';
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(quota);
    p.setProperty('ok', 'x'.repeat(9 * 1024));
    const many: Record<string, string> = {};
    for (let i = 0; i < 60; i++) many[`k${i}`] = 'y'.repeat(9000);
    expect(() => p.setProperties(many)).toThrow(quota);
    expect(p.getKeys()).toEqual(['ok']);
  });
});

// developers.google.com/apps-script/reference/lock/lock-service and /lock/lock
describe('LockService', () => {
  test('document lock null when not bound; tryLock/waitLock/hasLock/releaseLock', () => {
    const ctx = ctxAt();
    expect(createLockService(ctx, {bound: false}).getDocumentLock()).toBeNull();
    const env = {heldElsewhere: new Set<'script' | 'document' | 'user'>()};
    const ls = createLockService(ctx, {bound: true, env});
    const lock = ls.getDocumentLock()!;
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    env.heldElsewhere.add('script');
    const t0 = ctx.clock.now().getTime();
    expect(ls.getScriptLock().tryLock(5000)).toBe(false);
    expect(ctx.clock.now().getTime() - t0).toBeGreaterThanOrEqual(5000); // waited in emulated time
    expect(() => ls.getScriptLock().waitLock(10000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(LOCK_TIMEOUT_MESSAGE).toBe(
      'Lock timeout: another process was holding the lock for too long.',
    );
  });
});

// developers.google.com/apps-script/reference/cache/cache
describe('CacheService', () => {
  test('put/get/getAll/remove, expiry by the emulated clock, limits', () => {
    const ctx = ctxAt();
    const state = {};
    const cache = createCacheService(ctx, state, {bound: true}).getScriptCache();
    expect(cache.get('x')).toBeNull();
    cache.put('x', '1', 10);
    cache.putAll({a: 'A', b: 'B'});
    expect(cache.getAll(['a', 'b', 'zz'])).toEqual({a: 'A', b: 'B'});
    (ctx.clock as unknown as {advance(ms: number): void}).advance(11000);
    expect(cache.get('x')).toBeNull();
    expect(cache.get('a')).toBe('A'); // default expiry 600 s
    (ctx.clock as unknown as {advance(ms: number): void}).advance(600000);
    expect(cache.get('a')).toBeNull();
    cache.put('r', 'v');
    cache.removeAll(['r']);
    expect(cache.get('r')).toBeNull();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(createCacheService(ctx, state, {bound: false}).getDocumentCache()).toBeNull();
  });
});

// developers.google.com/apps-script/reference/utilities/utilities
describe('Utilities', () => {
  const d = new Date('2026-07-04T08:05:09.007Z'); // a Saturday, BST in London

  test('formatDate: Java SimpleDateFormat patterns in IANA time zones', () => {
    expect(formatDate(d, 'Europe/London', 'yyyy-MM-dd HH:mm:ss')).toBe('2026-07-04 09:05:09');
    expect(formatDate(d, 'Europe/London', 'EEEE d MMMM yyyy')).toBe('Saturday 4 July 2026');
    expect(formatDate(d, 'Europe/London', 'EEE dd MMM yy')).toBe('Sat 04 Jul 26');
    expect(formatDate(d, 'Europe/London', 'h:mm a z Z XXX')).toBe('9:05 AM BST +0100 +01:00');
    expect(formatDate(d, 'America/New_York', "yyyy-MM-dd'T'HH:mm:ss.SSSX")).toBe(
      '2026-07-04T04:05:09.007-04',
    );
    expect(formatDate(d, 'UTC', "'at' HH 'o''clock' ''")).toBe("at 08 o'clock '");
    expect(formatDate(new Date('2026-01-15T12:00:00Z'), 'Europe/London', 'z')).toBe('GMT');
    expect(formatDate(d, 'Not/AZone', 'HH:mm X')).toBe('08:05 Z'); // Java falls back to GMT
    // week of year as en_GB counts it (ISO 8601)
    for (const [day, week] of [
      ['2026-01-01', '1'],
      ['2027-01-01', '53'],
      ['2025-12-29', '1'],
      ['2026-03-10', '11'],
    ]) {
      expect(formatDate(new Date(`${day}T12:00:00Z`), 'UTC', 'w')).toBe(week);
    }
    expect(() => formatDate(d, 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
  });

  test('formatString is printf-like', () => {
    expect(formatString('%s owes £%.2f (%d items, %05d) %%', 'Ann', 12.5, 3.9, 42)).toBe(
      'Ann owes £12.50 (3 items, 00042) %',
    );
    expect(formatString('[%-5s][%5s]', 'ab', 'cd')).toBe('[ab   ][   cd]');
  });

  test('digests are signed byte arrays; base64 round trips; sleep moves the clock only', () => {
    const ctx = ctxAt();
    const U = createUtilities(ctx);
    const expected = Array.from(createHash('sha256').update('abc').digest(), b =>
      b > 127 ? b - 256 : b,
    );
    expect(U.computeDigest(U.DigestAlgorithm.SHA_256, 'abc')).toEqual(expected);
    expect(U.computeDigest(U.DigestAlgorithm.MD5, 'abc').slice(0, 4)).toEqual([-112, 1, 80, -104]); // 900150983cd2...
    expect(U.computeDigest(U.DigestAlgorithm.SHA_1, 'abc')).toHaveLength(20);
    // a text cell passed as the date: refused by signature, as Google does
    expect(() => U.formatDate('12/03/2026' as unknown as Date, 'Europe/London', 'd MMM')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(U.computeDigest(U.DigestAlgorithm.SHA_512, 'abc')).toHaveLength(64);
    expect(U.base64Encode('Hëllo')).toBe('SMOrbGxv');
    expect(U.base64Decode('SMOrbGxv')).toEqual([72, -61, -85, 108, 108, 111]);
    expect(U.base64EncodeWebSafe([0xfb, 0xff])).toBe('-_8=');
    expect(U.newBlob(U.base64DecodeWebSafe('-_8=')).getBytes()).toEqual([-5, -1]);
    expect(U.newBlob('hi', 'text/plain', 'a.txt').getDataAsString()).toBe('hi');
    const t0 = ctx.clock.now().getTime();
    const real0 = Date.now();
    U.sleep(120000);
    expect(ctx.clock.now().getTime() - t0).toBeGreaterThanOrEqual(120000);
    expect(Date.now() - real0).toBeLessThan(60000);
    expect(() => U.sleep(300001)).toThrow('Invalid argument');
    expect(U.getUuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(U.parseCsv('a,"b,c"\n"say ""hi""",\n')).toEqual([
      ['a', 'b,c'],
      ['say "hi"', ''],
    ]);
    expect(ctx.stats.get('Utilities.computeDigest')).toBe(4);
  });
});

describe('CSV', () => {
  test('quoted newlines, CRLF, BOM; unclosed quote names the row', () => {
    expect(parseCsv('\ufeffName,Notes\r\n"Ann","line 1\nline 2"\r\nBob,x')).toEqual([
      ['Name', 'Notes'],
      ['Ann', 'line 1\nline 2'],
      ['Bob', 'x'],
    ]);
    expect(() => parseCsv('a\n"b')).toThrow('unclosed quote in row 2');
  });
});

// developers.google.com/apps-script/reference/base/session, /base/logger, /base/console
describe('Session, Logger, console', () => {
  test('active user, script time zone, temporary key; logs to stderr with the level', () => {
    const ctx = ctxAt('2026-03-10', 'chair@example.org');
    const S = createSession(ctx, 'script-1');
    expect(S.getActiveUser().getEmail()).toBe('chair@example.org');
    expect(S.getEffectiveUser().getEmail()).toBe('chair@example.org');
    expect(S.getScriptTimeZone()).toBe('Europe/London');
    expect(S.getTemporaryActiveUserKey()).toBe(
      createSession(ctx, 'script-1').getTemporaryActiveUserKey(),
    );
    expect(S.getTemporaryActiveUserKey()).not.toContain('chair');
    const io = new BufferIo();
    const log = new RunLog(io);
    const L = createLogger(ctx, log);
    // reference/base/logger#log(Object): {key: "value"} logs as {key=value}; a message property is the message
    L.log('Sent %s papers', 3)
      .log({key: 'value', list: ['a', 'b']})
      .log({message: 'my log message', data: {key: 'value'}});
    createConsole(ctx, log).warn('careful', 2);
    expect(io.stderr).toEqual([
      '[log] Sent 3 papers',
      '[log] {key=value, list=[a, b]}',
      '[log] my log message',
      '[warn] careful 2',
    ]);
    expect(L.getLog()).toBe('Sent 3 papers\n{key=value, list=[a, b]}\nmy log message\ncareful 2\n');
    L.clear();
    expect(L.getLog()).toBe('');
  });
});
