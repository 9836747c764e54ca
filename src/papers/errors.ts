/** A problem the officer can fix (shown as a plain alert); anything else is a bug or a service failure. */
export class PaperError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaperError';
  }
}
