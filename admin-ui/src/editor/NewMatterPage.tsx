import { codeList } from '@matterflow/schemas';
import { Alert, Button, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, queryOf } from '../api/api';
import type { Department, MatterPage } from '../catalog/catalogTypes';
import { useStaffUser } from '../session/SessionProvider';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import type { MatterVersion } from './MatterVersion';
import { blankMatter, copiedMatter } from './matterTemplates';
import { documentIssues } from './pointers';

interface Values {
  template: 'blank' | 'copy';
  type?: string;
  source?: string;
  department: string;
  code: string;
  name: string;
}

/** Which field of this page shows an issue at a document pointer (the rest are listed above). */
const FIELD_OF: Record<string, keyof Values> = { '/code': 'code', '/name': 'name', '/type': 'type', '/department': 'department' };
const fieldOf = (pointer: string): keyof Values | undefined =>
  FIELD_OF[pointer] ?? (pointer.startsWith('/department/') ? 'department' : undefined);

/**
 * /matters/new: a new matter from a template (a blank skeleton of a type, or a copy of a
 * published matter), with its code, name and department; then the editor. A department admin
 * creates matters of their own department only. The code rules are the platform's: its answer's
 * issues are shown at the fields.
 */
export function NewMatterPage() {
  const user = useStaffUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [query, setQuery] = useState('');
  const [failure, setFailure] = useState<{ message: string; issues: { pointer: string; message: string }[] }>();
  const [isCreating, setCreating] = useState(false);
  const template = Form.useWatch('template', form) ?? 'blank';
  const departments = useLoad(() => api.get<{ items: Department[] }>('/api/departments').then((answer) => answer.items), []);
  const published = useLoad(
    () => api.get<MatterPage>(`/api/matters${queryOf({ q: query.trim() || undefined, status: 'published', pageSize: 20 })}`),
    [query],
  );
  const ownDepartment = user.role === 'dept_admin' ? user.departmentCode : null;
  const departmentOptions = (departments.value ?? [])
    .filter((department) => !ownDepartment || department.code === ownDepartment)
    .map((department) => ({ value: department.code, label: department.name }));

  const create = async (values: Values) => {
    setFailure(undefined);
    const department = departments.value?.find((candidate) => candidate.code === values.department);
    const fields = {
      code: values.code.trim(),
      name: values.name.trim(),
      department: { code: values.department, name: department?.name ?? '' },
    };
    setCreating(true);
    try {
      const document =
        values.template === 'copy' && values.source
          ? copiedMatter((await api.get<MatterVersion>(`/api/matters/${values.source}`)).document, fields)
          : blankMatter(values.type ?? '01', fields);
      const created = await api.post<MatterVersion>('/api/matters', { document });
      navigate(`/matters/${created.code}/versions/${created.version}/edit`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const issues = documentIssues(error.issues);
      const placed = issues.filter((issue) => fieldOf(issue.pointer));
      form.setFields(placed.map((issue) => ({ name: fieldOf(issue.pointer) as keyof Values, errors: [issue.message] })));
      if (error.code === 'MATTER_EXISTS') form.setFields([{ name: 'code', errors: [error.message] }]);
      setFailure({ message: error.message, issues: issues.filter((issue) => !fieldOf(issue.pointer)) });
    } finally {
      setCreating(false);
    }
  };

  return (
    <PageFrame title="新建事项" crumbs={[{ title: '事项目录', to: '/matters' }, { title: '新建事项' }]}>
      {failure && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          title={failure.message}
          description={
            failure.issues.length > 0 && (
              <ul>
                {failure.issues.map((issue) => (
                  <li key={issue.pointer}>{issue.message}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        className="editor-new-form"
        initialValues={{ template: 'blank', type: '01', department: ownDepartment ?? undefined, code: ownDepartment ?? '' }}
        onFinish={(values) => void create(values)}
        onValuesChange={(changed: Partial<Values>) => {
          // The code starts with the department's 统一社会信用代码: offer it when the code is still empty.
          if (changed.department && !form.getFieldValue('code')) form.setFieldValue('code', changed.department);
        }}
      >
        <Form.Item name="template" label="模板">
          <Radio.Group
            options={[
              { value: 'blank', label: '空白事项（按事项类型）' },
              { value: 'copy', label: '复制一个已发布的事项' },
            ]}
          />
        </Form.Item>
        {template === 'blank' ? (
          <Form.Item name="type" label="事项类型" rules={[{ required: true, message: '请选择事项类型' }]}>
            <Select options={Object.entries(codeList('taskType')).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        ) : (
          <Form.Item name="source" label="复制的事项" rules={[{ required: true, message: '请选择要复制的事项' }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setQuery }}
              placeholder="输入名称或实施编码检索"
              loading={published.status === 'loading'}
              options={(published.value?.items ?? []).map((row) => ({
                value: row.code,
                label: `${row.name}（${row.departmentName}）`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="department" label="实施主体" rules={[{ required: true, message: '请选择实施主体' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            disabled={Boolean(ownDepartment)}
            loading={departments.status === 'loading'}
            options={departmentOptions}
          />
        </Form.Item>
        <Form.Item
          name="code"
          label="实施编码"
          extra="实施主体的统一社会信用代码（18 位）加本级编号，最长 36 位；创建后不能修改"
          rules={[{ required: true, message: '请填写实施编码' }]}
        >
          <Input className="matter-code" autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isCreating}>
          创建并编辑
        </Button>
      </Form>
    </PageFrame>
  );
}
