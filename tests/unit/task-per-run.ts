/**
 * fast-check parameters for a property whose runs build DOM: each run starts in a task of its own.
 *
 * happy-dom keeps what its selector queries found behind WeakRefs (its query cache), and V8 keeps the target
 * of a WeakRef alive until the job that made or read it ends. A property test is one job when it is a
 * synchronous `fc.property`, or an `fc.asyncProperty` whose awaits are all microtasks: every document of
 * every run, and of every shrink, then stays in memory until the test returns. Measured in a worker: about
 * 5 MB per 1,000 elements parsed, so a few hundred runs took 400 MB, and one CI run's worker ran out of heap.
 * Starting each run in a new task lets the runs before it go (`setImmediate`: a `setTimeout` would wait at
 * least 1 ms per run).
 *
 * Use with `fc.asyncProperty`: a synchronous property refuses an asynchronous hook.
 */
import fc from 'fast-check';

const nextTask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export const taskPerRun = { plugins: [fc.beforeEach(nextTask)] };
