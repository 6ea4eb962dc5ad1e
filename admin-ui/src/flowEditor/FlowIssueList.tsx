import type { ApiIssue, Flow } from '@matterflow/schemas';
import { Button, Typography } from 'antd';
import { placeOf, type FlowPlace } from './FlowPlace';

function placeName(flow: Flow | undefined, place: FlowPlace | undefined): string {
  if (!place) return '流程';
  const node = flow?.nodes[place.node];
  if (!node) return `第 ${place.node + 1} 个节点`;
  if (place.branch === undefined || node.kind !== 'parallel') return node.name || node.id;
  const branch = node.branches[place.branch];
  const step = place.step === undefined ? undefined : branch?.steps[place.step];
  return [node.name, branch?.name, step?.name].filter(Boolean).join(' / ');
}

/** Every issue in the flow, each a button to the node it names (the graph shows it there too). */
export function FlowIssueList({
  issues,
  flow,
  onSelect,
}: {
  issues: readonly ApiIssue[];
  flow: Flow | undefined;
  onSelect: (place: FlowPlace) => void;
}) {
  if (issues.length === 0) return null;
  return (
    <section className="flow-issue-list" aria-label="流程问题">
      <Typography.Title level={3}>流程问题（{issues.length}）</Typography.Title>
      <ul className="flow-issue-items">
        {issues.map((issue) => {
          const place = placeOf(issue.pointer);
          return (
            <li key={`${issue.pointer}:${issue.code}`}>
              {place ? (
                <Button type="link" onClick={() => onSelect(place)} className="flow-issue-link">
                  {placeName(flow, place)}
                </Button>
              ) : (
                <Typography.Text strong>{placeName(flow, place)}</Typography.Text>
              )}
              <span className="flow-issue-message">{issue.message}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
