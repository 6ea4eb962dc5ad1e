import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  { status: 'loading'; value?: T } | { status: 'ready'; value: T } | { status: 'failed'; error: Error; value?: T };

/**
 * Loads what a screen shows and reloads it when its inputs change; an answer for inputs that have
 * since changed is dropped, so a slow first request cannot overwrite a newer one.
 */
export function useLoad<T>(load: () => Promise<T>, inputs: readonly unknown[]): Loaded<T> & { reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  // The caller names what the load depends on, as with useEffect.
  const run = useCallback(load, inputs);
  useEffect(() => {
    let isCurrent = true;
    setState((previous) => ({ status: 'loading', ...(previous.value === undefined ? {} : { value: previous.value }) }));
    run().then(
      (value) => isCurrent && setState({ status: 'ready', value }),
      (error: unknown) =>
        isCurrent &&
        setState((previous) => ({
          status: 'failed',
          error: error instanceof Error ? error : new Error(String(error)),
          ...(previous.value === undefined ? {} : { value: previous.value }),
        })),
    );
    return () => {
      isCurrent = false;
    };
  }, [run, round]);
  return { ...state, reload: () => setRound((n) => n + 1) };
}
