import { Form, Input } from 'antd';
import type { ApiIssue } from '@matterflow/schemas';

/** 办理流程说明: the flow in the clerk's own words, printed in the guide beside the steps. */
export function FlowDescription({
  value,
  issues,
  isReadOnly,
  onChange,
}: {
  value: string | undefined;
  issues: readonly ApiIssue[];
  isReadOnly: boolean;
  onChange: (next: string | undefined) => void;
}) {
  const own = issues.filter((issue) => issue.pointer === '/flowDescription');
  return (
    <Form layout="vertical" disabled={isReadOnly}>
      <Form.Item
        label="办理流程说明"
        htmlFor="flow-description"
        {...(own.length > 0 ? { validateStatus: 'error' as const, help: own.map((issue) => issue.message).join('；') } : {})}
      >
        <Input.TextArea
          id="flow-description"
          value={value ?? ''}
          maxLength={4000}
          autoSize={{ minRows: 2, maxRows: 8 }}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />
      </Form.Item>
    </Form>
  );
}
