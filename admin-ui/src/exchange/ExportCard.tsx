import { Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { queryOf } from '../api/api';
import type { Department } from '../catalog/catalogTypes';
import { DepartmentSelect, StatusSelect, TypeSelect } from '../components/CatalogSelects';

const FORMATS = [
  { value: 'xlsx', label: 'Excel 工作簿（中文表头，可改后导入）' },
  { value: 'json', label: '本系统 JSON（完整，可导入）' },
  { value: 'national', label: '全国交换字段 JSON（报送上级平台）' },
];

/**
 * Export: a plain download of the streamed file. A department admin exports their own department:
 * published matters of others are public, but a file with them would not import back (an admin may
 * import only their department's matters).
 */
export function ExportCard({ departments, ownDepartment }: { departments: Department[]; ownDepartment: string | null }) {
  const isDepartmentScoped = ownDepartment !== null;
  const [format, setFormat] = useState('xlsx');
  const [chosen, setDepartment] = useState<string>();
  const department = ownDepartment ?? chosen;
  const [type, setType] = useState<string>();
  const [status, setStatus] = useState<string>();
  const href = `/api/catalog/export${queryOf({ format, department, type, status })}`;
  return (
    <Card title="导出事项" className="exchange-card">
      <Space wrap className="exchange-actions">
        <Select aria-label="导出格式" value={format} onChange={setFormat} options={FORMATS} style={{ width: 340 }} />
        {!isDepartmentScoped && <DepartmentSelect value={department} onChange={setDepartment} departments={departments} />}
        <TypeSelect value={type} onChange={setType} />
        <StatusSelect value={status} onChange={setStatus} placeholder="各事项的最新版本" />
        <Button type="primary" href={href} download>
          导出
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        xlsx 中每一行记下导出时的版本与修订号：改好后导入，只覆盖导出后无人改过的草稿。
      </Typography.Paragraph>
    </Card>
  );
}
