/** Bad input from the person running clerk: reported as one line, exit status 1, nothing saved. */
export class ClerkInputError extends Error {}
