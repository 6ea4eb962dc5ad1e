import { Alert, Button, Drawer, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/api';
import type { DepartmentRecord } from './DepartmentRecord';
import { DRAWER_SIZE } from './drawerSize';
import { EnableToggle } from './EnableToggle';
import { fieldErrors } from './fieldErrors';

interface DepartmentForm {
  code: string;
  name: string;
  shortName?: string | null;
  region: string;
}

const FIELDS = ['code', 'name', 'shortName', 'region'] as const;

/**
 * Creates a department (`department` is null) or edits one. The 统一社会信用代码 is its key and
 * never changes; its check character is the platform's to verify, and its answer shows at the field.
 */
export function DepartmentDrawer({
  open,
  department,
  defaultRegion,
  onClose,
  onSaved,
}: {
  open: boolean;
  department: DepartmentRecord | null;
  defaultRegion: string | undefined;
  onClose: () => void;
  onSaved: (department: DepartmentRecord) => void;
}) {
  const [form] = Form.useForm<DepartmentForm>();
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  useEffect(() => {
    setProblem(null);
    form.resetFields();
    if (department) form.setFieldsValue(department);
    else if (defaultRegion) form.setFieldValue('region', defaultRegion);
  }, [open, department, defaultRegion, form]);
  const save = async (values: DepartmentForm, isDisabled: boolean) => {
    setSaving(true);
    setProblem(null);
    const fields = { name: values.name.trim(), shortName: values.shortName?.trim() || null, region: values.region };
    try {
      const saved = department
        ? await api.put<DepartmentRecord>(`/api/departments/${department.code}`, { ...fields, isDisabled })
        : await api.post<DepartmentRecord>('/api/departments', { code: values.code.trim().toUpperCase(), ...fields });
      onSaved(saved);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'DEPARTMENT_EXISTS') form.setFields([{ name: 'code', errors: [error.message] }]);
      else {
        const placed = fieldErrors(error.issues, FIELDS);
        form.setFields(placed.fields);
        if (placed.fields.length === 0 || placed.rest.length > 0) setProblem([error.message, ...placed.rest].join('；'));
      }
    } finally {
      setSaving(false);
    }
  };
  const toggle = async () => save(await form.validateFields(), !department?.isDisabled);
  return (
    <Drawer
      title={department ? `编辑部门 ${department.name}` : '新建部门'}
      open={open}
      onClose={onClose}
      size={DRAWER_SIZE}
      extra={
        <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
          {department ? '保存' : '创建'}
        </Button>
      }
      footer={
        department && (
          <EnableToggle
            thing="部门"
            name={department.name}
            isDisabled={department.isDisabled}
            onDisable="停用后不能再向该部门分配人员，门户不再列出它；已有人员、事项与办件保留。"
            onEnable="启用后可以再向该部门分配人员，门户的“按部门”也会列出它。"
            onConfirm={toggle}
          />
        )
      }
    >
      {problem && <Alert type="error" showIcon title={problem} className="page-alert" />}
      <Form form={form} layout="vertical" onFinish={(values) => save(values, department?.isDisabled ?? false)}>
        <Form.Item
          name="code"
          label="统一社会信用代码"
          extra={department ? '部门的标识，不能修改' : '18 位，含校验位；创建后不能修改'}
          rules={[
            { required: true, message: '请填写统一社会信用代码' },
            { pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/i, message: '统一社会信用代码为 18 位数字或大写字母（不含 I、O、Z、S、V）' },
          ]}
        >
          <Input disabled={department !== null} maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label="部门全称" rules={[{ required: true, whitespace: true, message: '请填写部门全称' }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="shortName" label="简称">
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="region"
          label="行政区划代码"
          extra="6 位，该部门所在地区，对应该地区的工作日历"
          rules={[
            { required: true, message: '请填写行政区划代码' },
            { pattern: /^[0-9]{6}$/, message: '行政区划代码为 6 位数字' },
          ]}
        >
          <Input maxLength={6} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
