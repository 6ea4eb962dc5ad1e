/** One entry of the side menu: the screens a role works in, nothing it cannot open. */
export interface MenuEntry {
  path: string;
  label: string;
  /** An @ant-design/icons name, so the collapsed menu still says what each entry is. */
  icon: string;
  roles: readonly string[];
  group?: string;
}

const CATALOG_KEEPERS = ['dept_admin', 'legal'];

/**
 * The screens of the staff app, by who may use them. The platform checks every request again;
 * the menu only keeps a clerk from screens that would answer 403.
 */
export const STAFF_SCREENS: readonly MenuEntry[] = [
  {
    path: '/',
    icon: 'HomeOutlined',
    label: '工作台',
    roles: ['window', 'reviewer', 'chief', 'dept_admin', 'legal', 'supervisor', 'sysadmin'],
  },
  {
    path: '/matters',
    icon: 'UnorderedListOutlined',
    label: '事项目录',
    roles: [...CATALOG_KEEPERS, 'supervisor'],
    group: '事项管理',
  },
  { path: '/review', icon: 'AuditOutlined', label: '审核队列', roles: ['legal'], group: '事项管理' },
  { path: '/quality', icon: 'SafetyCertificateOutlined', label: '质量报告', roles: CATALOG_KEEPERS, group: '事项管理' },
  { path: '/exchange', icon: 'SwapOutlined', label: '导入导出', roles: CATALOG_KEEPERS, group: '事项管理' },
  { path: '/plugins', icon: 'ApiOutlined', label: '插件管理', roles: ['dept_admin', 'sysadmin'], group: '事项管理' },
  { path: '/users', icon: 'TeamOutlined', label: '用户', roles: ['sysadmin'], group: '系统管理' },
  { path: '/departments', icon: 'ApartmentOutlined', label: '部门', roles: ['sysadmin'], group: '系统管理' },
  { path: '/calendars', icon: 'CalendarOutlined', label: '节假日', roles: ['sysadmin'], group: '系统管理' },
  { path: '/audit', icon: 'FileSearchOutlined', label: '审计日志', roles: ['supervisor', 'sysadmin'], group: '电子监察' },
];

export const screensFor = (role: string): MenuEntry[] => STAFF_SCREENS.filter((screen) => screen.roles.includes(role));

/** May this role open the screen at `path` (or one under it)? */
export function canOpen(role: string, path: string): boolean {
  const screen = [...STAFF_SCREENS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((entry) => path === entry.path || (entry.path !== '/' && path.startsWith(`${entry.path}/`)));
  return screen ? screen.roles.includes(role) : true;
}
