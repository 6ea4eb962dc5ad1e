import { openCase, type CaseDeps } from '../cases';
import type { Route } from '../kernel';

const SUBMIT = { method: 'post', path: '/drafts/{id}/submit' } as const;

/**
 * Intake knows nothing of cases (nothing may depend on it the other way round), so the submit
 * route is wrapped here: the submit and the opening of its case — the row and the acceptance
 * deadline's timer — run in one transaction, which intake's submit joins through `call.tx`. A
 * submit that fails opens nothing; a retried one finds its case open already.
 */
export function withCaseOpening(routes: Route[], deps: CaseDeps): Route[] {
  const isSubmit = (route: Route) => route.method === SUBMIT.method && route.path === SUBMIT.path;
  // Loud at start-up rather than cases silently never opened after a rename.
  if (!routes.some(isSubmit)) throw new Error(`composeCases: intake has no route ${SUBMIT.method} ${SUBMIT.path}`);
  return routes.map((route) =>
    isSubmit(route)
      ? {
          ...route,
          handle: (input) =>
            deps.db.transaction(async (tx) => {
              const call = { ...input.call, tx };
              const reply = await route.handle({ ...input, call });
              const number = (reply.body as { number?: unknown } | undefined)?.number;
              if (typeof number === 'string') await openCase(deps, call, { number });
              return reply;
            }),
        }
      : route,
  );
}
