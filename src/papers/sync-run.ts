/**
 * pdf-lib's API returns promises, but a menu function in Apps Script (and in the emulator) is
 * synchronous, and Apps Script has no setTimeout, which pdf-lib uses to yield between objects.
 * pdf-lib does no real I/O, so its work can finish at once: while it runs, `Promise` is a small
 * promise whose callbacks wait in a local queue, and `setTimeout` queues its callback there too;
 * the queue is then drained in order (as the engine would drain its microtasks) and the result
 * read. pdf-lib's compiled code (tslib's __awaiter) looks `Promise` up when it is called, which
 * is what makes this work; the globals are put back before returning.
 */
type Settle = () => void;

const queue: Settle[] = [];

class QueuedPromise<T> {
  private state: 'pending' | 'fulfilled' | 'rejected' = 'pending';
  private value: unknown;
  private waiting: Settle[] = [];

  constructor(executor: (resolve: (v: T) => void, reject: (e: unknown) => void) => void) {
    let done = false;
    const resolve = (v: unknown): void => {
      if (done) return;
      done = true;
      this.adopt(v);
    };
    const reject = (e: unknown): void => {
      if (done) return;
      done = true;
      this.settle('rejected', e);
    };
    try {
      executor(resolve, reject);
    } catch (e) {
      reject(e);
    }
  }

  private adopt(v: unknown): void {
    if (v === this)
      return this.settle('rejected', new TypeError('A promise cannot resolve to itself.'));
    const then =
      v && (typeof v === 'object' || typeof v === 'function')
        ? (v as {then?: unknown}).then
        : undefined;
    if (typeof then !== 'function') return this.settle('fulfilled', v);
    queue.push(() => {
      let done = false;
      const once =
        (f: (x: unknown) => void) =>
        (x: unknown): void => {
          if (done) return;
          done = true;
          f(x);
        };
      try {
        then.call(
          v,
          once(x => this.adopt(x)),
          once(e => this.settle('rejected', e)),
        );
      } catch (e) {
        once(x => this.settle('rejected', x))(e);
      }
    });
  }

  private settle(state: 'fulfilled' | 'rejected', value: unknown): void {
    this.state = state;
    this.value = value;
    for (const w of this.waiting) queue.push(w);
    this.waiting = [];
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((v: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((e: unknown) => R2 | PromiseLike<R2>) | null,
  ): QueuedPromise<R1 | R2> {
    return new QueuedPromise<R1 | R2>((resolve, reject) => {
      const run = () => {
        const handler = this.state === 'fulfilled' ? onFulfilled : onRejected;
        if (typeof handler !== 'function') {
          if (this.state === 'fulfilled') resolve(this.value as R1);
          else reject(this.value);
          return;
        }
        try {
          resolve(handler(this.value as T) as R1);
        } catch (e) {
          reject(e);
        }
      };
      if (this.state === 'pending') this.waiting.push(run);
      else queue.push(run);
    });
  }

  catch<R = never>(onRejected?: ((e: unknown) => R | PromiseLike<R>) | null) {
    return this.then(undefined, onRejected);
  }

  static resolve<T>(v: T): QueuedPromise<T> {
    return v instanceof QueuedPromise ? v : new QueuedPromise<T>(r => r(v));
  }

  static reject(e: unknown): QueuedPromise<never> {
    return new QueuedPromise<never>((_r, j) => j(e));
  }

  /** The outcome once the queue is empty. */
  result(): T {
    if (this.state === 'fulfilled') return this.value as T;
    if (this.state === 'rejected') throw this.value;
    throw new Error('A PDF step did not finish (it waited on something outside pdf-lib).');
  }
}

/** Runs `work` (which calls pdf-lib) to the end and returns its result, or throws its error. */
export function runToEnd<T>(work: () => PromiseLike<T>): T {
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = {Promise: g.Promise, setTimeout: g.setTimeout};
  g.Promise = QueuedPromise;
  g.setTimeout = (f: () => void) => {
    queue.push(f);
    return 0;
  };
  try {
    const p = QueuedPromise.resolve(work()) as QueuedPromise<T>;
    for (let k = 0; k < queue.length; k++) queue[k]();
    return p.result();
  } finally {
    queue.length = 0;
    g.Promise = saved.Promise;
    g.setTimeout = saved.setTimeout;
  }
}
