/** Where the emulated services print what an officer would see: alerts and toasts on stdout, logs on stderr. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: line => void process.stdout.write(`${line}\n`),
  err: line => void process.stderr.write(`${line}\n`),
};

/** Collects lines (tests, and in-process runs that print afterwards). */
export class BufferIo implements Io {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  out(line: string): void {
    this.stdout.push(line);
  }
  err(line: string): void {
    this.stderr.push(line);
  }
}
