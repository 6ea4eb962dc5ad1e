import type { DraftPlugins } from '../api/intakeApi';
import { FeeTable } from '../components/FeeTable';

/**
 * A failed department plugin the matter blocks on (an issue at pointer ''): the applicant cannot
 * submit until it answers again, and is told so above the form rather than beside a field.
 */
export function PluginAlert({ plugins }: { plugins: DraftPlugins | null }) {
  const blocking = (plugins?.issues ?? []).filter((issue) => issue.pointer === '');
  if (blocking.length === 0) return null;
  return (
    <div className="callout callout-warning" role="alert">
      {blocking.map((issue) => (
        <p key={issue.message}>{issue.message}</p>
      ))}
      <p>暂不能提交，请稍后再试，或到窗口办理。</p>
    </div>
  );
}

/** What the department plugins said of the saved content: their warnings and the fees to pay. */
export function PluginNotes({ plugins }: { plugins: DraftPlugins | null }) {
  if (!plugins) return null;
  const warnings = plugins.issues.filter((issue) => issue.pointer !== '');
  return (
    <>
      {warnings.length > 0 && (
        <ul className="slot-errors" aria-label="部门核验提示">
          {warnings.map((issue) => (
            <li key={`${issue.pointer}-${issue.message}`}>{issue.message}</li>
          ))}
        </ul>
      )}
      {plugins.fees && plugins.fees.lines.length > 0 && (
        <section aria-labelledby="fees-heading">
          <h3 id="fees-heading">应缴费用</h3>
          <FeeTable fees={plugins.fees} className="fee-table" />
        </section>
      )}
    </>
  );
}

/** The form's uiSchema with each prefilled field's source as its help text (top-level and nested fields). */
export function withSourceHelp<T extends Record<string, unknown>>(uiSchema: T, sources: DraftPlugins['sources']): T {
  if (sources.length === 0) return uiSchema;
  const out: Record<string, unknown> = structuredClone(uiSchema);
  for (const { pointer, source } of sources) {
    const path = pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    let at = out;
    for (const part of path) {
      const next = (at[part] ?? {}) as Record<string, unknown>;
      at[part] = next;
      at = next;
    }
    at['ui:help'] = `已根据${source}预填，请核对`;
  }
  return out as T;
}
