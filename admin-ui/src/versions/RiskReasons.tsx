import { Input, Typography } from 'antd';
import { Link } from 'react-router';
import { editorLink, riskKey } from './versionRules';
import type { Refusal } from './versionTypes';

/**
 * Legal's reason to go ahead over each error-level finding (`acceptedRisks`, docs/quality.md): the
 * platform wants one reason per finding, recorded in the audit log and beside the finding.
 */
export function RiskReasons({
  findings,
  reasons,
  onChange,
  code,
  version,
}: {
  findings: readonly Refusal[];
  reasons: Readonly<Record<string, string>>;
  onChange: (next: Record<string, string>) => void;
  code: string;
  version: number;
}) {
  return (
    <div className="versions-risks">
      <Typography.Paragraph>以下错误须逐条记录接受风险的理由才能继续（记入审计日志）：</Typography.Paragraph>
      <ol>
        {findings.map((finding) => {
          const key = riskKey(finding);
          return (
            <li key={key}>
              <div>
                {finding.message} <Link to={editorLink(code, version, finding.pointer)}>查看字段</Link>
              </div>
              <Input.TextArea
                aria-label={`接受风险的理由：${finding.message}`}
                placeholder="接受风险的理由"
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={2000}
                value={reasons[key] ?? ''}
                onChange={(event) => onChange({ ...reasons, [key]: event.target.value })}
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
