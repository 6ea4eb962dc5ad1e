import { Alert } from 'antd';
import { Link } from 'react-router';
import { editorLink } from './versionRules';
import type { Refusal } from './versionTypes';

/**
 * Why the platform refused a submit or publish, each reason a link to its field in the editor, so
 * the clerk goes from the reason to the fix in one click.
 */
export function RefusalList({
  title,
  refusals,
  code,
  version,
}: {
  title: string;
  refusals: readonly Refusal[];
  code: string;
  version: number;
}) {
  return (
    <Alert
      type="error"
      showIcon
      className="page-alert"
      title={title}
      description={
        refusals.length > 0 && (
          <ol className="versions-refusals" aria-label="未通过的原因">
            {refusals.map((refusal, n) => (
              <li key={`${refusal.pointer} ${refusal.code} ${n}`}>
                {refusal.message} <Link to={editorLink(code, version, refusal.pointer)}>去修改</Link>
              </li>
            ))}
          </ol>
        )
      }
    />
  );
}
