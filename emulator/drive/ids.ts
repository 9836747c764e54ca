import {randomBytes} from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A random id shaped like Google's Drive ids: 44 characters (Docs) of [A-Za-z0-9_-], starting with "1". */
export function newDriveId(length = 44): string {
  const bytes = randomBytes(length);
  let id = '1';
  for (let i = 1; i < length; i++) id += ALPHABET[bytes[i] & 63];
  return id;
}

/** Ids we accept for `clerk drive add --id`: what Google's look like. */
export function isValidDriveId(id: string): boolean {
  return /^[A-Za-z0-9_-]{10,64}$/.test(id);
}
