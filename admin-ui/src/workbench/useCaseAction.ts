import { useRef, useState } from 'react';
import { api, ApiError } from '../api/api';
import type { CaseView } from './caseTypes';
import { newIdempotencyKey } from './caseWords';

export type ActionBody = { action: string } & Record<string, unknown>;

/** A body for `path`: an action (`actions`, `tasks/{id}/actions`) or a resource's own fields (`result`). */
type SendBody = ActionBody | Record<string, unknown>;

/** What the last submit answered, for the panel to say. */
export type ActionProblem = { kind: 'conflict' } | { kind: 'refused'; message: string; issues: string[] };

/**
 * Sends one action on a case (or one of its tasks) with the revision it was read at. A submit keeps its idempotency key
 * until the platform answers, so a retry after a lost answer is the same action, not a second one;
 * any answer (done or refused) retires the key.
 */
export function useCaseAction(current: CaseView, onDone: (view: CaseView) => void, onConflict: () => void) {
  const [isSending, setSending] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const pending = useRef<{ body: string; key: string } | null>(null);
  /** `path` under the case: `actions` (acceptance), `tasks/{id}/actions` or `result`. */
  async function send(body: SendBody, path = 'actions'): Promise<boolean> {
    const text = JSON.stringify([path, body]);
    if (pending.current?.body !== text) pending.current = { body: text, key: newIdempotencyKey() };
    setSending(true);
    setProblem(null);
    try {
      const view = await api.post<CaseView>(`/api/cases/${current.number}/${path}`, {
        ...body,
        idempotencyKey: pending.current.key,
        revision: current.revision,
      });
      pending.current = null;
      onDone(view);
      return true;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 0) {
        setProblem({ kind: 'refused', message: '网络中断，请稍后重试（重试不会重复办理）', issues: [] });
        return false;
      }
      pending.current = null;
      if (error.status === 409 && error.code === 'CASE_REVISION_CONFLICT') {
        setProblem({ kind: 'conflict' });
        onConflict();
      } else setProblem({ kind: 'refused', message: error.message, issues: error.issues.map((issue) => issue.message) });
      return false;
    } finally {
      setSending(false);
    }
  }
  return { send, isSending, problem, clearProblem: () => setProblem(null) };
}
