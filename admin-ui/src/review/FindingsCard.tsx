import { Card, Empty, Typography } from 'antd';
import { Link } from 'react-router';
import type { QualityFinding } from '../catalog/catalogTypes';
import { SeverityTag, type Severity } from '../components/StatusTag';
import { editorLink } from '../versions/versionRules';

export type { Severity } from '../components/StatusTag';

/** The quality findings of the version under review, worst first, each opening its field. */
export function FindingsCard({
  code,
  version,
  findings,
  severityOf,
  isLoading,
}: {
  code: string;
  version: number;
  findings: readonly QualityFinding[];
  severityOf: (rule: string) => Severity;
  isLoading: boolean;
}) {
  const order: Severity[] = ['error', 'warning', 'info'];
  const sorted = [...findings].sort((a, b) => order.indexOf(severityOf(a.rule)) - order.indexOf(severityOf(b.rule)));
  return (
    <Card title="质量检查" size="small" className="versions-card" loading={isLoading}>
      {sorted.length === 0 ? (
        <Empty description="没有质量问题" />
      ) : (
        <ul className="review-findings">
          {sorted.map((finding) => {
            const severity = severityOf(finding.rule);
            return (
              <li key={`${finding.rule} ${finding.pointer}`}>
                <SeverityTag severity={severity} />
                {finding.message} <Link to={editorLink(code, version, finding.pointer)}>查看字段</Link>
                {finding.accepted && (
                  <Typography.Text type="secondary" className="review-accepted">
                    已接受风险（{finding.accepted.byName}）：{finding.accepted.reason}
                  </Typography.Text>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
