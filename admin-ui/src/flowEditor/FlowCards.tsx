import { describeCondition, type ApiIssue, type Node as FlowNodeDoc, type StepFields } from '@matterflow/schemas';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { isSamePlace, type FlowPlace } from './FlowPlace';
import { COMPLETION_LABELS, FLOW_ROLE_LABELS } from './flowLabels';

/** What every card needs from the section: the issues at a place, the selection, the words for departments. */
export interface CardContext {
  issuesAt: (place: FlowPlace) => ApiIssue[];
  selected: FlowPlace | undefined;
  onSelect: (place: FlowPlace) => void;
  departmentName: (code: string | undefined) => string;
  /** The form's JSON Schema, so a condition reads with the fields' titles. */
  formSchema: Record<string, unknown> | undefined;
  onPath: ReadonlySet<string>;
}

export type CardData = { node: FlowNodeDoc; index: number; context: CardContext };
export type TaskCardNode = Node<CardData, 'task'>;
export type ParallelCardNode = Node<CardData, 'parallel'>;
export type TerminalCardNode = Node<{ label: string }, 'terminal'>;

const handles = (
  <>
    <Handle type="target" position={Position.Top} isConnectable={false} />
    <Handle type="source" position={Position.Bottom} isConnectable={false} />
  </>
);

function IssueLines({ issues }: { issues: ApiIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="flow-card-issues">
      {issues.map((issue) => (
        <li key={`${issue.pointer}:${issue.code}`}>{issue.message}</li>
      ))}
    </ul>
  );
}

/** One button per unit of work: the card is selected with a click or the keyboard (Tab, Enter). */
function StepButton({
  step,
  place,
  context,
  className,
}: {
  step: StepFields;
  place: FlowPlace;
  context: CardContext;
  className: string;
}) {
  const issues = context.issuesAt(place);
  const condition = step.condition ? describeCondition(step.condition, context.formSchema) : '';
  const classes = [className, isSamePlace(context.selected, place) && 'is-selected', issues.length > 0 && 'has-issues'];
  return (
    <button
      type="button"
      className={classes.filter(Boolean).join(' ')}
      aria-pressed={isSamePlace(context.selected, place)}
      onClick={() => context.onSelect(place)}
    >
      <span className="flow-card-title">{step.name || '（未命名环节）'}</span>
      <span className="flow-card-meta">
        {FLOW_ROLE_LABELS[step.role] ?? step.role} · {context.departmentName(step.department)} · {step.budgetDays} 个工作日
      </span>
      {condition && <span className="flow-card-condition">条件：{condition}</span>}
      <IssueLines issues={issues} />
    </button>
  );
}

export function TaskCard({ data }: NodeProps<TaskCardNode>) {
  const { node, index, context } = data;
  if (node.kind !== 'task') return null;
  return (
    <div className={`flow-card flow-task${context.onPath.has(node.id) ? ' is-on-path' : ''}`}>
      {handles}
      <StepButton step={node} place={{ node: index }} context={context} className="flow-card-button" />
    </div>
  );
}

export function ParallelCard({ data }: NodeProps<ParallelCardNode>) {
  const { node, index, context } = data;
  if (node.kind !== 'parallel') return null;
  const place = { node: index };
  const issues = context.issuesAt(place);
  const condition = node.condition ? describeCondition(node.condition, context.formSchema) : '';
  const headClasses = ['flow-card-button', 'flow-parallel-head'];
  if (isSamePlace(context.selected, place)) headClasses.push('is-selected');
  if (issues.length > 0) headClasses.push('has-issues');
  return (
    <div className={`flow-card flow-parallel${context.onPath.has(node.id) ? ' is-on-path' : ''}`}>
      {handles}
      <button
        type="button"
        className={headClasses.join(' ')}
        aria-pressed={isSamePlace(context.selected, place)}
        onClick={() => context.onSelect(place)}
      >
        <span className="flow-card-title">并联：{node.name || '（未命名）'}</span>
        <span className="flow-card-meta">
          牵头 {context.departmentName(node.lead)} · {COMPLETION_LABELS[node.completion] ?? node.completion}
        </span>
        {condition && <span className="flow-card-condition">条件：{condition}</span>}
        <IssueLines issues={issues} />
      </button>
      <div className="flow-branches">
        {node.branches.map((branch, b) => {
          const branchPlace = { node: index, branch: b };
          const branchIssues = context.issuesAt(branchPlace);
          const classes = ['flow-branch-head'];
          if (isSamePlace(context.selected, branchPlace)) classes.push('is-selected');
          if (branchIssues.length > 0) classes.push('has-issues');
          return (
            <div className="flow-branch" key={branch.id} role="group" aria-label={`分支“${branch.name}”`}>
              <button
                type="button"
                className={classes.join(' ')}
                aria-pressed={isSamePlace(context.selected, branchPlace)}
                onClick={() => context.onSelect(branchPlace)}
              >
                {branch.name || '（未命名分支）'} · {context.departmentName(branch.department)}
                <IssueLines issues={branchIssues} />
              </button>
              {branch.steps.map((step, s) => (
                <StepButton
                  key={step.id}
                  step={step}
                  place={{ node: index, branch: b, step: s }}
                  context={context}
                  className="flow-card-button flow-step"
                />
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

export function TerminalCard({ data }: NodeProps<TerminalCardNode>) {
  return (
    <div className="flow-terminal">
      <Handle type="target" position={Position.Top} isConnectable={false} />
      {data.label}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}
