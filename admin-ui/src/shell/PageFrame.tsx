import { Breadcrumb, Flex, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';

export interface Crumb {
  title: string;
  to?: string;
}

/**
 * Every screen's frame: the breadcrumb back to where the clerk came from, the screen's title (also
 * the document title, so tabs and history say where they lead), and its actions on the right.
 */
export function PageFrame({
  title,
  crumbs = [],
  extra,
  children,
}: {
  title: string;
  crumbs?: Crumb[];
  extra?: ReactNode;
  children: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} - 事项通`;
  }, [title]);
  const items = [
    { title: <Link to="/">工作台</Link> },
    ...crumbs.map((crumb) => ({ title: crumb.to ? <Link to={crumb.to}>{crumb.title}</Link> : crumb.title })),
  ];
  return (
    <div className="page-frame">
      {crumbs.length > 0 && <Breadcrumb items={items} />}
      <Flex justify="space-between" align="center" wrap gap="small" className="page-heading">
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </div>
  );
}
