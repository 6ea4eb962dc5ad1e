import { Alert, Button, Card, Col, Empty, Flex, Input, Row, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { JsonObject, SectionProps } from '../editor/SectionProps';
import { ConditionsPanel } from './ConditionsPanel';
import { formOf } from './conditionChoices';
import { FieldEditor } from './FieldEditor';
import { FIELD_KINDS, type FieldKind } from './fieldKinds';
import { FieldList } from './FieldList';
import { fieldUsages } from './fieldUsages';
import { fieldOfPointer } from './fieldOfPointer';
import { addField, emptyForm, fieldsOf, moveField, removeField, type MatterForm } from './formFields';
import { PreviewPane } from './PreviewPane';

type EditableKind = Exclude<FieldKind, 'advanced'>;

/**
 * The 表单 section: the matter's form as a list of fields to add, configure, reorder and delete
 * (the schema and uiSchema are written for the clerk), the conditions of materials and situations
 * on its answers, and the portal's own page for the saved draft beside it.
 */
export function FormSection({ code, version, document, onChange, issues, isReadOnly, focusPointer, onSave }: SectionProps) {
  const form = formOf(document);
  const fields = form ? fieldsOf(form) : [];
  const [selected, setSelected] = useState<string | undefined>(() => fieldOfPointer(focusPointer));
  const [kind, setKind] = useState<EditableKind>('text');
  const editorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const name = fieldOfPointer(focusPointer);
    if (!name) return;
    setSelected(name);
    editorRef.current?.scrollIntoView({ block: 'start' });
  }, [focusPointer]);
  const putForm = (next: MatterForm) => onChange({ ...document, form: next as unknown as JsonObject });
  const field = fields.find((f) => f.name === selected);
  const issuesOf = (name: string) => issues.filter((issue) => fieldOfPointer(issue.pointer) === name);
  const otherIssues = issues.filter((issue) => fieldOfPointer(issue.pointer) === undefined);

  const designer = !form ? (
    <Empty description="本事项还没有申请表单">
      {!isReadOnly && (
        <Button
          type="primary"
          onClick={() => putForm(emptyForm(`${typeof document.name === 'string' ? document.name : ''}申请`))}
        >
          创建申请表单
        </Button>
      )}
    </Empty>
  ) : (
    <>
      {otherIssues.map((issue) => (
        <Alert key={`${issue.pointer}-${issue.code}`} type="error" showIcon title={issue.message} className="designer-issue" />
      ))}
      <label className="designer-label" htmlFor="designer-form-title">
        表单标题
      </label>
      <Input
        id="designer-form-title"
        disabled={isReadOnly}
        value={typeof form.schema.title === 'string' ? form.schema.title : ''}
        onChange={(event) => putForm({ ...form, schema: { ...form.schema, title: event.target.value } })}
      />
      <Typography.Title level={3} className="designer-subheading">
        字段
      </Typography.Title>
      {fields.length === 0 && <Typography.Paragraph>表单中还没有字段。</Typography.Paragraph>}
      <FieldList
        fields={fields}
        selected={selected}
        isReadOnly={isReadOnly}
        usagesOf={(name) => fieldUsages(document, name)}
        issueCount={(name) => issuesOf(name).length}
        onSelect={(name) => setSelected(name === selected ? undefined : name)}
        onMove={(name, delta) => putForm(moveField(form, name, delta))}
        onRemove={(name) => {
          if (name === selected) setSelected(undefined);
          putForm(removeField(form, name));
        }}
      />
      {!isReadOnly && (
        <Flex gap="small" wrap className="designer-add">
          <Select
            aria-label="新字段的类型"
            className="designer-add-kind"
            value={kind}
            options={Object.entries(FIELD_KINDS).map(([value, { label }]) => ({ value, label }))}
            onChange={setKind}
          />
          <Button
            onClick={() => {
              const added = addField(form, kind);
              putForm(added.form);
              setSelected(added.name);
            }}
          >
            添加字段
          </Button>
        </Flex>
      )}
      <div ref={editorRef}>
        {field && (
          <Card
            size="small"
            className="designer-editor"
            title={`字段：${typeof field.schema.title === 'string' && field.schema.title ? field.schema.title : field.name}`}
          >
            {field.kind === 'advanced' ? (
              <Alert
                type="info"
                showIcon
                title="高级：在 JSON 视图中编辑"
                description="此字段含嵌套结构或特殊规则，表单设计器原样保留，不作修改。"
              />
            ) : (
              <FieldEditor
                key={field.name}
                form={form}
                field={field}
                usages={fieldUsages(document, field.name)}
                issues={issuesOf(field.name)}
                isReadOnly={isReadOnly}
                onChange={(next, name) => {
                  putForm(next);
                  setSelected(name);
                }}
              />
            )}
          </Card>
        )}
      </div>
    </>
  );

  return (
    <Row gutter={[24, 24]} className="designer">
      <Col xs={24} xl={13}>
        <Typography.Title level={2} className="designer-heading">
          申请表单
        </Typography.Title>
        {designer}
        <ConditionsPanel document={document} isReadOnly={isReadOnly} onChange={onChange} />
      </Col>
      <Col xs={24} xl={11}>
        <PreviewPane code={code} version={version} {...(onSave && !isReadOnly ? { onSave } : {})} />
      </Col>
    </Row>
  );
}
