import { setFlagsFromString } from 'node:v8';

/**
 * A county centre runs the platform on a small intranet machine, with the embedded database inside
 * this process. V8's defaults size the young generation and the optimiser for throughput; at our
 * load (a few thousand requests an hour) that buys nothing and costs ~60 MiB at rest
 * (measured after a restart on the seeded catalog: 321–341 MiB RSS by default, 255–286 MiB with
 * these flags; docs/adr/011). Set before the database opens, so its heap grows under them.
 */
export function preferSmallHeap(): void {
  setFlagsFromString('--max-semi-space-size=2');
  setFlagsFromString('--optimize-for-size');
}
