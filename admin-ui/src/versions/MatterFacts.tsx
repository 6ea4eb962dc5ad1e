import { Descriptions, type DescriptionsProps } from 'antd';

/** The facts heading a matter's screens: its code and department, then what the screen adds. */
export function MatterFacts({
  code,
  departmentName,
  items,
}: {
  code: string;
  departmentName: string | undefined;
  items: NonNullable<DescriptionsProps['items']>;
}) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      className="versions-header"
      items={[
        { key: 'code', label: '实施编码', children: <span className="matter-code">{code}</span> },
        { key: 'department', label: '实施主体', children: departmentName ?? '—' },
        ...items,
      ]}
    />
  );
}
