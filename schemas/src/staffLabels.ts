import { labelOf } from './codeLabels';

/**
 * Chinese names of the roles and of a matter version's status. The role set itself belongs to the
 * platform's kernel; the three case roles (window, reviewer, chief) are named by the flow
 * meta-schema, which steps are assigned by, and these are the others.
 */
export const ROLE_LABELS: Readonly<Record<string, string>> = {
  citizen: '申请人',
  dept_admin: '部门管理员',
  legal: '法制审核',
  supervisor: '电子监察',
  sysadmin: '系统管理员',
};

export const MATTER_STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: '草稿',
  in_review: '审核中',
  published: '已发布',
  superseded: '已被替代',
  retired: '已取消',
};

/** The role's name, or its code when the platform knows a role these words do not yet name. */
export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? labelOf('flow.role', role);
export const statusLabel = (status: string): string => MATTER_STATUS_LABELS[status] ?? status;
