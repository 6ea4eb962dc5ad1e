import { asObject, asString, type ApiIssue, type Flow } from '@matterflow/schemas';
import { ReactFlowProvider } from '@xyflow/react';
import { Alert, Button, ConfigProvider, Empty, type ThemeConfig } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SectionProps } from '../editor/SectionProps';
import { asFlow, starterFlow } from './asFlow';
import './flowEditor.css';
import { budgetLine } from './budgetLine';
import { FlowBudgetBar } from './FlowBudgetBar';
import { FlowDescription } from './FlowDescription';
import type { CardContext } from './FlowCards';
import { FlowGraphView } from './FlowGraphView';
import { FlowIssueList } from './FlowIssueList';
import { FlowItemPanel } from './FlowItemPanel';
import { isSamePlace, placeOf, type FlowPlace } from './FlowPlace';
import { departmentLabel, OWNER } from './flowLabels';
import { localFlowIssues, mergeIssues } from './localFlowIssues';
import { useDepartments, useWorkCalendar } from './useFlowContext';

/** antd's red (删除, field errors) is below 4.5:1 on white; the app's error tone passes. */
const DANGER_THEME: ThemeConfig = { token: { colorError: '#b0181c' } };

type Promise_ = { value: number; unit?: 'workday' | 'day' | 'month' };

function promiseOf(document: SectionProps['document']): Promise_ | undefined {
  const promised = asObject(asObject(document.timeLimits)?.promised);
  return typeof promised?.value === 'number' ? (promised as Promise_) : undefined;
}

/**
 * The editor's 流程 tab: the flow as a graph derived from the DSL, the selected step's form beside
 * it, the budget along the longest path against the promise as the clerk edits, and every issue
 * (the server's, and the simple rules checked here) on the node it names and in a list.
 */
export function FlowSection({ document, onChange, issues, isReadOnly, focusPointer }: SectionProps) {
  const flow = useMemo(() => asFlow(document.flow), [document.flow]);
  const [selected, setSelected] = useState<FlowPlace | undefined>(() => (focusPointer ? placeOf(focusPointer) : { node: 0 }));
  useEffect(() => {
    const place = focusPointer ? placeOf(focusPointer) : undefined;
    if (place) setSelected(place);
  }, [focusPointer]);

  const departments = useDepartments();
  const promised = promiseOf(document);
  const calendar = useWorkCalendar(promised !== undefined && (promised.unit ?? 'workday') !== 'workday');
  const budget = useMemo(
    () => flow && budgetLine({ flow, promised, ...(calendar ? { calendar } : {}) }),
    [flow, promised, calendar],
  );
  const allIssues = useMemo(() => mergeIssues(issues, flow ? localFlowIssues(flow) : []), [issues, flow]);
  const ownerName = asString(asObject(document.department)?.name);
  // On a card the implementing body is just 实施主体: its name is in the panel and would crowd the card.
  const departmentName = useCallback((code: string | undefined) => departmentLabel(code, departments), [departments]);
  const departmentOptions = useMemo(
    () => [
      { value: OWNER, label: departmentLabel(OWNER, departments, ownerName) },
      ...departments.map((d) => ({ value: d.code, label: d.name })),
    ],
    [departments, ownerName],
  );

  const change = useCallback(
    (next: Flow, place?: FlowPlace) => {
      onChange({ ...document, flow: next });
      if (place) setSelected(place);
    },
    [document, onChange],
  );
  const describeFlow = useCallback(
    (text: string | undefined) => {
      const { flowDescription: _old, ...rest } = document;
      onChange(text === undefined ? rest : { ...rest, flowDescription: text });
    },
    [document, onChange],
  );
  const issuesAt = useCallback(
    (place: FlowPlace): ApiIssue[] => allIssues.filter((issue) => isSamePlace(placeOf(issue.pointer), place)),
    [allIssues],
  );
  const context = useMemo(
    (): CardContext => ({
      issuesAt,
      selected,
      onSelect: setSelected,
      departmentName,
      formSchema: asObject(asObject(document.form)?.schema),
      onPath: new Set(budget?.isOver ? budget.path : []),
    }),
    [issuesAt, selected, departmentName, document.form, budget],
  );

  if (document.flow === undefined)
    return (
      <Empty description="本事项尚未设置办理流程">
        {!isReadOnly && (
          <Button type="primary" onClick={() => change(starterFlow(), { node: 0 })}>
            从“受理—审查—决定”开始
          </Button>
        )}
      </Empty>
    );
  if (!flow)
    return (
      <>
        <Alert type="error" showIcon title="流程结构不完整，无法绘制" description="请在 JSON 视图中按提示修正后再回到流程图。" />
        <FlowIssueList issues={allIssues} flow={undefined} onSelect={setSelected} />
      </>
    );
  const focusId = selected && flow.nodes[selected.node]?.id;
  return (
    <ConfigProvider theme={DANGER_THEME}>
      <div className="flow-section">
        <FlowBudgetBar budget={budget} />
        <div className="flow-workspace">
          <ReactFlowProvider>
            <FlowGraphView flow={flow} context={context} focusId={focusPointer ? focusId : undefined} />
          </ReactFlowProvider>
          {selected && (
            <FlowItemPanel
              key={`${selected.node}/${selected.branch}/${selected.step}`}
              flow={flow}
              document={document}
              place={selected}
              issues={allIssues}
              departmentOptions={departmentOptions}
              isReadOnly={isReadOnly}
              onFlow={change}
            />
          )}
        </div>
        <FlowIssueList issues={allIssues} flow={flow} onSelect={setSelected} />
        <FlowDescription
          value={asString(document.flowDescription)}
          issues={issues}
          isReadOnly={isReadOnly}
          onChange={describeFlow}
        />
      </div>
    </ConfigProvider>
  );
}
