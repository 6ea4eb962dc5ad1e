import { codeList, statusLabel } from '@matterflow/schemas';
import { Select } from 'antd';
import type { Department } from '../catalog/catalogTypes';
import { MATTER_STATUSES } from './StatusTag';

interface ChoiceProps {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  placeholder?: string;
}

/** The filters every catalog screen offers (list, quality report, export), named and sized alike. */
export function DepartmentSelect({ value, onChange, departments }: ChoiceProps & { departments: readonly Department[] }) {
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      aria-label="实施主体"
      placeholder="全部部门"
      value={value}
      onChange={(next?: string) => onChange(next)}
      options={departments.map((department) => ({ value: department.code, label: department.name }))}
      style={{ width: 220 }}
    />
  );
}

export function TypeSelect({ value, onChange }: ChoiceProps) {
  return (
    <Select
      allowClear
      aria-label="事项类型"
      placeholder="全部类型"
      value={value}
      onChange={(next?: string) => onChange(next)}
      options={Object.entries(codeList('taskType')).map(([code, label]) => ({ value: code, label }))}
      style={{ width: 160 }}
    />
  );
}

export function StatusSelect({ value, onChange, placeholder = '全部状态' }: ChoiceProps) {
  return (
    <Select
      allowClear
      aria-label="状态"
      placeholder={placeholder}
      value={value}
      onChange={(next?: string) => onChange(next)}
      options={MATTER_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }))}
      style={{ width: 170 }}
    />
  );
}
