import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SwapOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Result, Space, Typography, type MenuProps } from 'antd';
import { roleLabel } from '@matterflow/schemas';
import { useMemo, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useStaffUser } from '../session/SessionProvider';
import { canOpen, screensFor, type MenuEntry } from './staffMenu';

type MenuItem = Required<MenuProps>['items'][number];

const ICONS: Record<string, ReactNode> = {
  ApartmentOutlined: <ApartmentOutlined />,
  ApiOutlined: <ApiOutlined />,
  AuditOutlined: <AuditOutlined />,
  CalendarOutlined: <CalendarOutlined />,
  FileSearchOutlined: <FileSearchOutlined />,
  HomeOutlined: <HomeOutlined />,
  SafetyCertificateOutlined: <SafetyCertificateOutlined />,
  SwapOutlined: <SwapOutlined />,
  TeamOutlined: <TeamOutlined />,
  UnorderedListOutlined: <UnorderedListOutlined />,
};

function menuItems(screens: MenuEntry[]): MenuItem[] {
  const items: MenuItem[] = [];
  const groups = new Map<string, MenuItem[]>();
  for (const screen of screens) {
    const item = { key: screen.path, label: screen.label, icon: ICONS[screen.icon] };
    if (!screen.group) {
      items.push(item);
      continue;
    }
    let group = groups.get(screen.group);
    if (!group) {
      group = [];
      groups.set(screen.group, group);
      items.push({ type: 'group', key: `group:${screen.group}`, label: screen.group, children: group });
    }
    group.push(item);
  }
  return items;
}

/** The menu entry a path belongs to: the longest one it starts with. */
const selectedKey = (screens: MenuEntry[], path: string) =>
  screens
    .map((screen) => screen.path)
    .filter((key) => path === key || (key !== '/' && path.startsWith(`${key}/`)))
    .sort((a, b) => b.length - a.length)[0] ?? '/';

/** The shell: the side menu of the signed-in role, who is signed in, and the screen. */
export function AdminLayout() {
  const user = useStaffUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [isCollapsed, setCollapsed] = useState(false);
  // On a phone the menu folds away entirely (a toggle brings it back) instead of a strip of icons.
  const [isNarrow, setNarrow] = useState(false);
  const screens = useMemo(() => screensFor(user.role), [user.role]);
  return (
    <Layout className="admin-shell">
      <Layout.Sider
        breakpoint="md"
        collapsible
        collapsed={isCollapsed}
        collapsedWidth={isNarrow ? 0 : 64}
        onBreakpoint={setNarrow}
        onCollapse={setCollapsed}
        theme="light"
        width={208}
        zeroWidthTriggerStyle={{ top: 10 }}
      >
        <div className="brand" aria-label="事项通 工作人员系统">
          {isCollapsed ? '事' : '事项通 · 工作人员'}
        </div>
        <nav aria-label="主菜单">
          <Menu
            mode="inline"
            selectedKeys={[selectedKey(screens, pathname)]}
            items={menuItems(screens)}
            onClick={({ key }) => {
              navigate(key);
              if (isNarrow) setCollapsed(true);
            }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="admin-header">
          <Space size="middle" wrap>
            <Typography.Text>
              {user.displayName}（{roleLabel(user.role)}
              {user.departmentName ? ` · ${user.departmentName}` : ''}）
            </Typography.Text>
            <Button onClick={() => void logout().then(() => navigate('/login'))}>退出登录</Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="admin-content" id="main" tabIndex={-1}>
          {canOpen(user.role, pathname) ? (
            <Outlet />
          ) : (
            <Result status="403" title="无权访问" subTitle="您的角色不能打开这个页面；如需权限，请联系系统管理员。" />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
