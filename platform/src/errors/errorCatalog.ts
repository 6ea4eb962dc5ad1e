/**
 * Every stable error code, its HTTP status and its default Chinese message. This is the one place
 * where domain codes meet HTTP; docs/errors.md must list every code (a test enforces it).
 */
export const errorCatalog = {
  // Request shape
  BAD_JSON: { status: 400, message: '请求体不是合法的 JSON' },
  BODY_TOO_LARGE: { status: 413, message: '请求体过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的请求内容类型' },
  VALIDATION_FAILED: { status: 422, message: '请求内容不符合要求' },
  BAD_QUERY: { status: 400, message: '查询参数不合法' },
  NOT_FOUND: { status: 404, message: '请求的资源不存在' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持该请求方法' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后重试' },

  // Identity and access
  AUTH_REQUIRED: { status: 401, message: '请先登录' },
  LOGIN_FAILED: { status: 401, message: '用户名或密码错误' },
  LOGIN_RATE_LIMITED: { status: 429, message: '登录失败次数过多，请稍后再试' },
  CSRF_INVALID: { status: 403, message: '缺少或错误的 CSRF 令牌' },
  FORBIDDEN: { status: 403, message: '没有权限执行该操作' },
  DEPARTMENT_SCOPE: { status: 403, message: '只能操作本部门的数据' },
  USER_EXISTS: { status: 409, message: '用户名已存在' },
  DEPARTMENT_NOT_FOUND: { status: 404, message: '部门不存在' },

  // Catalog
  MATTER_NOT_FOUND: { status: 404, message: '事项不存在' },
  MATTER_VERSION_NOT_FOUND: { status: 404, message: '事项版本不存在' },
  MATTER_EXISTS: { status: 409, message: '该实施编码已存在' },
  MATTER_INVALID: { status: 422, message: '事项内容不符合元模式' },
  MATTER_CODE_INVALID: { status: 400, message: '实施编码格式不正确' },
  REVISION_CONFLICT: { status: 409, message: '草稿已被他人修改，请刷新后再保存' },
  DRAFT_EXISTS: { status: 409, message: '该事项已有未发布的草稿' },
  NO_DRAFT: { status: 409, message: '该事项没有可编辑的草稿' },
  TRANSITION_NOT_ALLOWED: { status: 409, message: '当前状态不允许该操作' },
  PUBLISH_BLOCKED: { status: 422, message: '事项未通过发布检查' },
  EFFECTIVE_DATE_INVALID: { status: 422, message: '生效日期不正确' },

  // Import / export
  IMPORT_INVALID: { status: 422, message: '导入文件存在错误，未导入任何事项' },
  IMPORT_FILE_UNREADABLE: { status: 400, message: '无法读取导入文件' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;
