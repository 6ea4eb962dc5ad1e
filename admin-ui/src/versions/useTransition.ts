import { useState } from 'react';
import { api } from '../api/api';
import type { VersionSummary } from './versionTypes';

/** One body of POST /api/matters/{code}/transitions (docs/lifecycle.md). */
export type TransitionBody = { action: string; revision?: number } & Record<string, unknown>;

/**
 * Runs lifecycle moves of one matter, keeping the last refusal for the screen to explain: a screen
 * shows why a move failed next to the button that made it, not in a toast that vanishes.
 */
export function useTransition(code: string) {
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  async function run(body: TransitionBody): Promise<VersionSummary | null> {
    setIsBusy(true);
    setError(null);
    try {
      return await api.post<VersionSummary>(`/api/matters/${code}/transitions`, body);
    } catch (caught) {
      setError(caught);
      return null;
    } finally {
      setIsBusy(false);
    }
  }
  return { run, error, isBusy, clearError: () => setError(null) };
}
