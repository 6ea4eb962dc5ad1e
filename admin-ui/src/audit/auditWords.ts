/** What each audited action is, in the words a supervisor reads (docs/identity.md, docs/lifecycle.md). */
export const ACTION_LABELS: Readonly<Record<string, string>> = {
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'user.password_set': '重置密码',
  'department.create': '新建部门',
  'department.update': '修改部门',
  'calendar.update': '修改节假日安排',
  'session.login': '登录',
  'session.login_failed': '登录失败',
  'session.logout': '退出登录',
  'matter.create': '新建事项',
  'matter.update': '修改事项草稿',
  'matter.new_version': '新建事项版本',
  'matter.submit': '提交审核',
  'matter.withdraw': '撤回审核',
  'matter.return': '退回修改',
  'matter.publish': '发布事项',
  'matter.retire': '取消事项',
  'matter.unschedule': '撤销定时发布',
  'matter.reschedule': '改期发布',
  'catalog.import': '导入事项目录',
  'law.create': '新增法规',
  'law.update': '修改法规',
  'file.open': '查看材料文件',
  'citizen.register': '申请人注册',
};

export const TARGET_LABELS: Readonly<Record<string, string>> = {
  user: '账号',
  department: '部门',
  calendar: '工作日历',
  session: '登录',
  matter: '事项',
  catalog: '事项目录',
  law: '法规',
  file: '材料文件',
  citizen: '申请人',
};

/** Families of actions for the filter: `user.` lists every account action. */
export const ACTION_FAMILIES: readonly { value: string; label: string }[] = [
  { value: 'user.', label: '账号（全部）' },
  { value: 'department.', label: '部门（全部）' },
  { value: 'calendar.', label: '工作日历（全部）' },
  { value: 'session.', label: '登录（全部）' },
  { value: 'matter.', label: '事项（全部）' },
];

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;
export const targetLabel = (type: string) => TARGET_LABELS[type] ?? type;

const FIELD_LABELS: Readonly<Record<string, string>> = {
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  departmentCode: '部门',
  departmentName: '部门',
  isDisabled: '停用',
  sessionsEnded: '结束的会话',
  name: '名称',
  shortName: '简称',
  region: '行政区划',
  code: '代码',
  version: '版本',
  source: '通知文号',
  holidays: '法定节假日',
  workdays: '调休上班日',
  reason: '原因',
  effectiveDate: '生效日期',
};

const fieldLabel = (key: string) => FIELD_LABELS[key] ?? key;

function valueWords(value: unknown): string | undefined {
  if (value === null) return '无';
  if (value === true) return '是';
  if (value === false) return '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'))
    return value.length > 0 ? value.join('、') : '无';
  return undefined;
}

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && 'from' in value && 'to' in value && Object.keys(value).length === 2;

/**
 * The simple parts of an entry's details in words (`姓名：张三 → 李四`); what is not simple stays
 * in the pretty-printed JSON beside them, so nothing is hidden by a summary.
 */
export function detailLines(details: unknown): string[] {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return [];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (key === 'changes' && typeof value === 'object' && value !== null) {
      for (const [field, change] of Object.entries(value)) {
        if (!isChange(change)) continue;
        const from = valueWords(change.from);
        const to = valueWords(change.to);
        if (from !== undefined && to !== undefined) lines.push(`${fieldLabel(field)}：${from} → ${to}`);
      }
      continue;
    }
    if (isChange(value)) {
      const from = valueWords(value.from);
      const to = valueWords(value.to);
      if (from !== undefined && to !== undefined) lines.push(`${fieldLabel(key)}：${from} → ${to}`);
      continue;
    }
    const words = valueWords(value);
    if (words !== undefined) lines.push(`${fieldLabel(key)}：${words}`);
  }
  return lines;
}
