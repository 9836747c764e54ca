/** Apps Script's Byte[] is Java's signed byte: values above 127 are passed as v − 256. */
export function signedBytes(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] > 127 ? bytes[i] - 256 : bytes[i];
  return out;
}
