import type { ApiIssue, Flow, Node } from '@matterflow/schemas';
import { Alert, Button, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { ConditionPicker } from '../designer';
import type { JsonObject } from '../editor/SectionProps';
import { placePointer, type FlowPlace } from './FlowPlace';
import {
  addBranch,
  addParallelAfter,
  addStepInBranch,
  addTaskAfter,
  moveInParallel,
  moveNode,
  removeBranch,
  removeNode,
  removeStep,
  updateAt,
  type EditResult,
} from './flowEdits';
import { COMPLETION_LABELS, FLOW_ROLE_LABELS, OWNER } from './flowLabels';

export interface FlowItemPanelProps {
  flow: Flow;
  document: JsonObject;
  place: FlowPlace;
  issues: readonly ApiIssue[];
  departmentOptions: { value: string; label: string }[];
  isReadOnly: boolean;
  onFlow: (flow: Flow, place?: FlowPlace) => void;
}

type Item = { kind: 'task' | 'parallel' | 'branch' | 'step'; value: Record<string, unknown>; node: Node };

function itemAt(flow: Flow, place: FlowPlace): Item | undefined {
  const node = flow.nodes[place.node];
  if (!node) return undefined;
  if (place.branch === undefined || node.kind !== 'parallel') return { kind: node.kind, value: node as never, node };
  const branch = node.branches[place.branch];
  if (!branch) return undefined;
  if (place.step === undefined) return { kind: 'branch', value: branch as never, node };
  const step = branch.steps[place.step];
  return step && { kind: 'step', value: step as never, node };
}

const ROLE_OPTIONS = Object.entries(FLOW_ROLE_LABELS).map(([value, label]) => ({ value, label }));
const TITLES = { task: '环节', parallel: '并联环节', branch: '并联分支', step: '分支环节' } as const;

/**
 * The selected node, branch or step as a form beside the graph, with the structural edits that
 * make sense where it sits. Every change is a whole new flow handed up; a refused edit says why.
 */
export function FlowItemPanel({ flow, document, place, issues, departmentOptions, isReadOnly, onFlow }: FlowItemPanelProps) {
  const [refusal, setRefusal] = useState<string>();
  const item = itemAt(flow, place);
  if (!item) return <Typography.Paragraph>请在流程图中选择一个环节。</Typography.Paragraph>;
  const pointer = placePointer(place);
  const id = (field: string) => `flow-${pointer.replace(/\W+/g, '-')}-${field}`;
  const set = (patch: Record<string, unknown>) => onFlow(updateAt(flow, place, patch));
  const run = (edit: EditResult) => {
    if ('refusal' in edit) return setRefusal(edit.refusal);
    setRefusal(undefined);
    onFlow(edit.flow, edit.place);
  };
  const fieldIssues = (field: string) => issues.filter((issue) => issue.pointer === `${pointer}/${field}`);
  const status = (field: string) =>
    fieldIssues(field).length > 0
      ? {
          validateStatus: 'error' as const,
          help: fieldIssues(field)
            .map((issue) => issue.message)
            .join('；'),
        }
      : {};
  const value = item.value;
  const isWork = item.kind === 'task' || item.kind === 'step';
  const departmentField = item.kind === 'parallel' ? 'lead' : 'department';
  const otherIds = flow.nodes.filter((n) => n.id !== item.node.id).map((n) => ({ value: n.id, label: `${n.name}（${n.id}）` }));
  const next = item.node.next;

  return (
    <div className="flow-panel" aria-label={`编辑${TITLES[item.kind]}`} role="region">
      <Typography.Title level={3} className="flow-panel-title">
        {TITLES[item.kind]}：{String(value.name ?? '')}
      </Typography.Title>
      <Typography.Text className="matter-code">标识 {String(value.id)}</Typography.Text>
      <Form layout="vertical" disabled={isReadOnly} className="flow-panel-form">
        <Form.Item label={item.kind === 'branch' ? '分支名称' : '名称'} htmlFor={id('name')} {...status('name')}>
          <Input
            id={id('name')}
            value={String(value.name ?? '')}
            maxLength={50}
            onChange={(e) => set({ name: e.target.value })}
          />
        </Form.Item>
        {isWork && (
          <Form.Item label="办理角色" htmlFor={id('role')} {...status('role')}>
            <Select id={id('role')} value={value.role as string} options={ROLE_OPTIONS} onChange={(role) => set({ role })} />
          </Form.Item>
        )}
        <Form.Item
          label={item.kind === 'parallel' ? '牵头单位' : item.kind === 'branch' ? '分支部门' : '办理部门'}
          htmlFor={id(departmentField)}
          {...status(departmentField)}
        >
          <Select
            id={id(departmentField)}
            showSearch={{ optionFilterProp: 'label' }}
            value={(value[departmentField] as string | undefined) ?? OWNER}
            options={departmentOptions}
            onChange={(code) => set({ [departmentField]: code })}
          />
        </Form.Item>
        {isWork && (
          <Form.Item label="环节时限（工作日）" htmlFor={id('budgetDays')} {...status('budgetDays')}>
            <InputNumber
              id={id('budgetDays')}
              min={0}
              max={365}
              precision={0}
              value={value.budgetDays as number}
              onChange={(days) => set({ budgetDays: days ?? 0 })}
              suffix="个工作日"
              className="flow-budget-input"
            />
          </Form.Item>
        )}
        {item.kind === 'parallel' && (
          <Form.Item label="完成规则" {...status('completion')}>
            <Radio.Group
              value={value.completion}
              onChange={(e) => set({ completion: e.target.value })}
              options={Object.entries(COMPLETION_LABELS).map(([v, label]) => ({ value: v, label }))}
              aria-label="完成规则"
            />
          </Form.Item>
        )}
        <Form.Item {...status('condition')}>
          <ConditionPicker
            document={document}
            over="form"
            id={id('condition')}
            label={item.kind === 'branch' ? '适用条件（不满足时该分支不启动）' : '适用条件（不满足时跳过）'}
            value={value.condition as JsonObject | undefined}
            onChange={(condition) => set({ condition })}
            isReadOnly={isReadOnly}
          />
        </Form.Item>
        {(item.kind === 'task' || item.kind === 'parallel') && typeof next === 'string' && (
          <Form.Item label="下一环节" htmlFor={id('next')} {...status('next')}>
            <Select
              id={id('next')}
              value={next}
              options={[...otherIds, { value: 'end', label: '办结' }]}
              onChange={(to) => set({ next: to })}
            />
          </Form.Item>
        )}
        {(item.kind === 'task' || item.kind === 'parallel') && typeof next !== 'string' && (
          <Typography.Paragraph>本环节按条件分流（见图中带条件的连线）；分流的条件在 JSON 视图中修改。</Typography.Paragraph>
        )}
      </Form>
      {refusal && <Alert type="warning" showIcon title={refusal} className="flow-panel-refusal" />}
      {!isReadOnly && <ItemActions flow={flow} place={place} kind={item.kind} run={run} />}
    </div>
  );
}

function ItemActions({
  flow,
  place,
  kind,
  run,
}: {
  flow: Flow;
  place: FlowPlace;
  kind: Item['kind'];
  run: (edit: EditResult) => void;
}) {
  const branchPlace = { node: place.node, branch: place.branch ?? 0, ...(place.step === undefined ? {} : { step: place.step }) };
  const parallel = flow.nodes[place.node];
  const lastStep = parallel?.kind === 'parallel' ? (parallel.branches[branchPlace.branch]?.steps.length ?? 1) - 1 : 0;
  const actions: { label: string; edit: () => EditResult; danger?: boolean }[] =
    kind === 'task' || kind === 'parallel'
      ? [
          { label: '在后面添加环节', edit: () => addTaskAfter(flow, place.node) },
          { label: '在后面添加并联环节', edit: () => addParallelAfter(flow, place.node) },
          ...(kind === 'parallel' ? [{ label: '添加分支', edit: () => addBranch(flow, place.node) }] : []),
          { label: '上移', edit: () => moveNode(flow, place.node, 'up') },
          { label: '下移', edit: () => moveNode(flow, place.node, 'down') },
          { label: kind === 'parallel' ? '删除并联环节' : '删除环节', edit: () => removeNode(flow, place.node), danger: true },
        ]
      : kind === 'branch'
        ? [
            {
              label: '在分支中添加环节',
              edit: () => addStepInBranch(flow, { node: place.node, branch: branchPlace.branch, step: lastStep }),
            },
            { label: '左移', edit: () => moveInParallel(flow, place, 'up') },
            { label: '右移', edit: () => moveInParallel(flow, place, 'down') },
            { label: '删除分支', edit: () => removeBranch(flow, place), danger: true },
          ]
        : [
            { label: '在后面添加环节', edit: () => addStepInBranch(flow, branchPlace) },
            { label: '上移', edit: () => moveInParallel(flow, place, 'up') },
            { label: '下移', edit: () => moveInParallel(flow, place, 'down') },
            { label: '删除环节', edit: () => removeStep(flow, place), danger: true },
          ];
  return (
    <Flex wrap gap={8} className="flow-panel-actions">
      {actions.map((action) => (
        <Button key={action.label} danger={action.danger} onClick={() => run(action.edit())}>
          {action.label}
        </Button>
      ))}
    </Flex>
  );
}
