import type { ReactNode } from 'react';
import type { AsyncState } from './useAsync';

/** The loading and failure states every page shows the same way; `children` renders the value. */
export function LoadState<T>({ state, children }: { state: AsyncState<T>; children: (value: T) => ReactNode }) {
  if (state.status === 'loading')
    return (
      <p className="notice" role="status">
        正在加载…
      </p>
    );
  if (state.status === 'failed')
    return (
      <p className="notice notice-error" role="alert">
        {state.message}
      </p>
    );
  return <>{children(state.value)}</>;
}
