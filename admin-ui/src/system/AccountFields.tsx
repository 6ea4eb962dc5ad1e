import { Form, Input, Select } from 'antd';
import type { DepartmentRecord } from './DepartmentRecord';
import { isDepartmentRole, roleOptions } from './staffAccount';

/**
 * Name, role and department, shared by the create and edit drawers. The department is asked for
 * only for a department role, and only enabled departments are offered: the platform refuses others.
 */
export function AccountFields({ departments }: { departments: readonly DepartmentRecord[] }) {
  const form = Form.useFormInstance();
  const role = Form.useWatch<string | undefined>('role', form);
  return (
    <>
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select
          options={roleOptions()}
          onChange={(next: string) => {
            if (!isDepartmentRole(next)) form.setFieldValue('departmentCode', null);
          }}
        />
      </Form.Item>
      {isDepartmentRole(role) && (
        <Form.Item
          name="departmentCode"
          label="部门"
          extra="窗口、审核、科室负责人和部门管理员须属于一个在用的部门"
          rules={[{ required: true, message: '该角色必须指定所属部门' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={departments.filter((d) => !d.isDisabled).map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
      )}
    </>
  );
}
