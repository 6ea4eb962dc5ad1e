import { Button, Popconfirm, Space, Typography } from 'antd';
import { ToneTag } from '../components/StatusTag';
import { KIND_LABELS } from './fieldKinds';
import type { DesignedField } from './formFields';

export interface FieldListProps {
  fields: DesignedField[];
  selected: string | undefined;
  isReadOnly: boolean;
  /** Who relies on each field in a condition, said before it is deleted. */
  usagesOf: (name: string) => string[];
  issueCount: (name: string) => number;
  onSelect: (name: string) => void;
  onMove: (name: string, delta: -1 | 1) => void;
  onRemove: (name: string) => void;
}

const titleOf = (field: DesignedField) => (typeof field.schema.title === 'string' && field.schema.title) || field.name;

/** The form's fields in the order applicants see them, each with 上移/下移/编辑/删除. */
export function FieldList({ fields, selected, isReadOnly, usagesOf, issueCount, onSelect, onMove, onRemove }: FieldListProps) {
  return (
    <ol className="designer-fields" aria-label="表单字段">
      {fields.map((field, index) => {
        const title = titleOf(field);
        const usages = usagesOf(field.name);
        const issues = issueCount(field.name);
        return (
          <li key={field.name} className={`designer-field${field.name === selected ? ' designer-field-selected' : ''}`}>
            <div className="designer-field-text">
              <Typography.Text strong>{title}</Typography.Text>
              <span className="matter-code">{field.name}</span>
              <Space size={4} wrap>
                <ToneTag tone={field.kind === 'advanced' ? 'warning' : 'neutral'}>{KIND_LABELS[field.kind]}</ToneTag>
                {field.isRequired && <ToneTag tone="info">必填</ToneTag>}
                {usages.length > 0 && <ToneTag tone="success">用于条件</ToneTag>}
                {issues > 0 && <ToneTag tone="error">{`问题 ${issues}`}</ToneTag>}
              </Space>
            </div>
            <Space size={4} wrap className="designer-field-actions">
              <Button
                size="small"
                aria-label={`上移“${title}”`}
                disabled={isReadOnly || index === 0}
                onClick={() => onMove(field.name, -1)}
              >
                上移
              </Button>
              <Button
                size="small"

                aria-label={`下移“${title}”`}
                disabled={isReadOnly || index === fields.length - 1}
                onClick={() => onMove(field.name, 1)}
              >
                下移
              </Button>
              <Button
                size="small"
                type={field.name === selected ? 'primary' : 'default'}
                aria-label={`编辑“${title}”`}
                aria-pressed={field.name === selected}
                onClick={() => onSelect(field.name)}
              >
                {field.kind === 'advanced' || isReadOnly ? '查看' : '编辑'}
              </Button>
              {!isReadOnly && (
                <Popconfirm
                  title={`删除字段“${title}”？`}
                  description={
                    usages.length > 0
                      ? `${usages.join('、')}的条件使用此字段，删除后这些条件将无法满足，请一并修改。`
                      : '此字段将从申请表单中移除。'
                  }
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ className: 'designer-danger-ok' }}
                  onConfirm={() => onRemove(field.name)}
                >
                  <Button size="small" className="designer-danger" aria-label={`删除“${title}”`}>
                    删除
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </li>
        );
      })}
    </ol>
  );
}
