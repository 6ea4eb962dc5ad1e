import { Spin, Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { FlowSection } from '../flowEditor';
import { FormSection } from '../designer';
import { EDITOR_SECTIONS } from './editorSections';
import { isUnder } from './pointers';
import type { JsonObject, SectionProps } from './SectionProps';
import { StructuredSection } from './StructuredSection';

// Monaco (a few MB) is fetched only when the JSON view first opens.
const JsonView = lazy(() => import('./JsonView').then((module) => ({ default: module.JsonView })));

export const JSON_TAB = 'json';

export interface EditorTabsProps extends Omit<SectionProps, 'issues'> {
  tab: string;
  onTab: (tab: string) => void;
  issues: SectionProps['issues'];
  pendingText: string | null;
  onPendingText: (text: string | null) => void;
}

/** The section tabs and the JSON view of one document; only the open tab is rendered. */
export function EditorTabs({ tab, onTab, pendingText, onPendingText, ...props }: EditorTabsProps) {
  const sectionTab = (key: string) => {
    const section = EDITOR_SECTIONS.find((candidate) => candidate.key === key);
    if (!section) return null;
    const issues = props.issues.filter((issue) => section.properties.some((name) => isUnder(issue.pointer, `/${name}`)));
    const focusPointer =
      props.focusPointer && section.properties.some((name) => isUnder(props.focusPointer!, `/${name}`))
        ? props.focusPointer
        : undefined;
    const sectionProps = { ...props, issues, ...(focusPointer ? { focusPointer } : { focusPointer: undefined }) };
    if (section.custom === 'form') return <FormSection {...sectionProps} />;
    if (section.custom === 'flow') return <FlowSection {...sectionProps} />;
    return <StructuredSection {...sectionProps} section={section} />;
  };
  const countIn = (properties: readonly string[]) =>
    props.issues.filter((issue) => properties.some((name) => isUnder(issue.pointer, `/${name}`))).length;
  const label = (title: string, count: number) => (count > 0 ? `${title}（${count}）` : title);
  return (
    <Tabs
      activeKey={tab}
      onChange={onTab}
      className="editor-tabs"
      items={[
        ...EDITOR_SECTIONS.map((section) => ({
          key: section.key,
          label: label(section.title, countIn(section.properties)),
          children: tab === section.key ? sectionTab(section.key) : null,
        })),
        {
          key: JSON_TAB,
          label: 'JSON',
          children:
            tab === JSON_TAB ? (
              <Suspense fallback={<Spin description="正在加载 JSON 编辑器" />}>
                <JsonView
                  code={props.code}
                  document={props.document as JsonObject}
                  onChange={props.onChange}
                  pendingText={pendingText}
                  onPendingText={onPendingText}
                  issues={props.issues}
                  isReadOnly={props.isReadOnly}
                  {...(props.focusPointer !== undefined ? { focusPointer: props.focusPointer } : {})}
                />
              </Suspense>
            ) : null,
        },
      ]}
    />
  );
}
