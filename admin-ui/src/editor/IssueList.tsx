import type { ApiIssue } from '@matterflow/schemas';
import { Alert, Button, Space } from 'antd';
import { sectionOfPointer } from './editorSections';
import { fieldTitle } from './fieldTitle';

/**
 * The refused save's field issues at the top, each a way to its field: in the structured view
 * (its tab, focused) or in the JSON view (the marked text selected).
 */
export function IssueList({
  message,
  issues,
  onShow,
}: {
  message?: string;
  issues: ApiIssue[];
  onShow: (pointer: string, view: 'form' | 'json') => void;
}) {
  if (!message && issues.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="page-alert editor-issues"
      title={message ?? '保存未通过校验'}
      description={
        issues.length > 0 && (
          <ul className="editor-issue-list" aria-label="需要修改的字段">
            {issues.map((issue, index) => (
              <li key={`${issue.pointer} ${index}`}>
                <Space wrap size={4}>
                  <Button type="link" size="small" className="editor-issue-link" onClick={() => onShow(issue.pointer, 'form')}>
                    {sectionOfPointer(issue.pointer).title}：{fieldTitle(issue.pointer)}
                  </Button>
                  <span>{issue.message}</span>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => onShow(issue.pointer, 'json')}
                    aria-label={`在 JSON 中查看：${fieldTitle(issue.pointer)}`}
                  >
                    在 JSON 中查看
                  </Button>
                </Space>
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
