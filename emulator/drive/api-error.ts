/** The error the advanced Drive service throws for a refused request, worded as Apps Script words it. */
export function apiError(method: string, message: string): Error {
  const e = new Error(
    `GoogleJsonResponseException: API call to drive.files.${method} failed with error: ${message}`,
  );
  e.name = 'GoogleJsonResponseException';
  return e;
}
