/**
 * Every stable error code with its default Chinese message. Domain code knows nothing of HTTP: the
 * one mapping to statuses is `http/errorStatus.ts`. docs/errors.md lists every code (tested).
 */
export const errorMessages = {
  // Request shape
  BAD_JSON: '请求体不是合法的 JSON',
  BODY_TOO_LARGE: '请求体过大',
  BODY_ENCODING_INVALID: '请求体的压缩编码无效或不受支持',
  UNSUPPORTED_MEDIA_TYPE: '不支持的请求内容类型',
  VALIDATION_FAILED: '请求内容不符合要求',
  BAD_QUERY: '查询参数不合法',
  NOT_FOUND: '请求的资源不存在',
  METHOD_NOT_ALLOWED: '不支持该请求方法',
  INTERNAL: '服务器内部错误，请稍后重试',

  // Identity and access
  AUTH_REQUIRED: '请先登录',
  LOGIN_FAILED: '用户名或密码错误',
  LOGIN_RATE_LIMITED: '登录失败次数过多，请稍后再试',
  CSRF_INVALID: '缺少或错误的 CSRF 令牌',
  FORBIDDEN: '没有权限执行该操作',
  DEPARTMENT_SCOPE: '只能操作本部门的数据',
  USER_EXISTS: '用户名已存在',
  DEPARTMENT_NOT_FOUND: '部门不存在',
  CITIZEN_EXISTS: '该身份证号已注册，请直接登录',
  REGISTRATION_RATE_LIMITED: '注册尝试过于频繁，请稍后再试',
  USER_NOT_FOUND: '用户不存在',
  USER_REVISION_CONFLICT: '该用户已被他人修改，请刷新后再保存',
  USER_SELF_LOCKOUT: '不能停用自己的账号，也不能撤销自己的系统管理员角色',
  LAST_SYSADMIN: '至少须保留一名在用的系统管理员',
  DEPARTMENT_EXISTS: '该统一社会信用代码的部门已存在',

  // Catalog
  MATTER_NOT_FOUND: '事项不存在',
  MATTER_VERSION_NOT_FOUND: '事项版本不存在',
  MATTER_NOT_IN_FORCE: '该事项今天没有现行有效的版本',
  MATTER_EXISTS: '该实施编码已存在',
  MATTER_INVALID: '事项内容不符合元模式',
  MATTER_CODE_INVALID: '实施编码格式不正确',
  REVISION_CONFLICT: '草稿已被他人修改，请刷新后再保存',
  DRAFT_EXISTS: '该事项已有未发布的草稿',
  NO_DRAFT: '该事项没有可编辑的草稿',
  TRANSITION_NOT_ALLOWED: '当前状态不允许该操作',
  PUBLISH_BLOCKED: '事项未通过发布检查',
  QUALITY_BLOCKED: '事项存在错误级的质量问题，需逐条记录接受风险的理由后方可发布',
  EFFECTIVE_DATE_INVALID: '生效日期不正确',
  CANCEL_DATE_INVALID: '取消日期不正确',

  // Import / export
  IMPORT_INVALID: '导入文件存在错误，未导入任何事项',
  IMPORT_FILE_UNREADABLE: '无法读取导入文件',

  // Working-day calendar
  CALENDAR_NOT_FOUND: '没有该地区该年度的工作日历',
  CALENDAR_INVALID: '工作日历的调整不符合要求',

  // Law register
  LAW_NOT_FOUND: '法规库中没有该条目',
  LAW_INVALID: '法规库条目不符合要求',

  // Files
  UPLOAD_INVALID: '上传请求不符合要求：应为一个文件，并先给出 draftId 与 materialId',
  FILE_TOO_LARGE: '文件超过该材料允许的大小',
  FILE_TYPE_NOT_ALLOWED: '文件格式不在该材料允许的范围内（按文件内容识别）',
  FILE_TYPE_FORBIDDEN: '不接受可执行文件、脚本或压缩包',
  FILE_INFECTED: '文件未通过病毒扫描，未保存',
  SCANNER_UNAVAILABLE: '病毒扫描服务暂不可用，请稍后再上传',
  FILE_NOT_FOUND: '文件不存在',

  // Intake
  DRAFT_NOT_FOUND: '申请草稿不存在',
  DRAFT_CONFLICT: '草稿已在别处更新，请刷新后继续填写',
  DRAFT_SUBMITTED: '该申请已提交，不能再修改',
  MATTER_VERSION_SUPERSEDED: '该事项已更新，请刷新页面按新版本核对后再提交',
  APPLICATION_INVALID: '申请内容或材料不符合要求，请按提示修改',
  APPLICATION_NOT_FOUND: '办件不存在',
  IDEMPOTENCY_KEY_REQUIRED: '提交申请须携带 Idempotency-Key 请求头',
  IDEMPOTENCY_KEY_REUSED: '该 Idempotency-Key 已用于另一份申请',
  APPLICATION_NUMBERS_EXHAUSTED: '该事项今日的申请编号已用完，请明日再提交',

  // Flow interpreter
  FLOW_NOT_RUNNING: '该办件的流程已结束，不能再办理',
  FLOW_TASK_NOT_OPEN: '该环节任务不在办理中（可能已被他人办理），请刷新后重试',
  FLOW_ACTION_NOT_ALLOWED: '该环节不提供此操作',
  FLOW_NOT_TASK_HOLDER: '只有该环节的承办人（或被加签的会签人）可以办理',
  FLOW_TASK_CLAIMED: '该任务已由他人认领',
  FLOW_USER_INVALID: '转办或加签的对象无效：已是本环节的承办人或会签人',
  FLOW_RETURN_TARGET_INVALID: '只能退回到本办件已经过的环节；并联分支内只能退回本分支的前序环节或并联环节之前的环节',
  FLOW_START_UNKNOWN: '办理情形指定的流程起点不是流程中的节点',

  // Cases: acceptance (行政许可法第三十二条)
  CASE_NOT_FOUND: '办件不存在',
  CASE_REVISION_CONFLICT: '该办件已被他人办理或更新，请刷新后重试',
  CASE_ACTION_NOT_ALLOWED: '该办件当前的状态不允许此操作',
  CASE_NOT_INSTANT: '该事项不是即办件，不能当场办结',
  CASE_ACTION_KEY_REUSED: '该 idempotencyKey 已用于另一项操作',
  // Cases: the applicant's answer to a 补正
  CASE_NOT_SUPPLEMENTING: '该办件没有待补正的事项',
  SUPPLEMENT_ANSWER_INVALID: '补正内容不符合要求，请按提示修改',
  // Cases: tasks and decisions after 受理
  CASE_TASK_FORBIDDEN: '只有该环节所属部门、对应岗位的工作人员可以办理此操作',
  CASE_TASK_USER_INVALID: '转办或加签的对象不符合要求',
  CASE_TASK_DEPARTMENT_INVALID: '转交的部门不符合要求',
  // Cases: the clock after 受理 (special procedures, the extension)
  CASE_PROCEDURE_UNKNOWN: '该环节不能启动这一特别程序，或事项没有登记这一特别程序',
  CASE_PROCEDURE_COUNTED: '该特别程序计入办理时限，不暂停计时',
  CASE_PROCEDURE_TOO_LONG: '特别程序所需时间超过了该程序的最长时限',
  CASE_PROCEDURE_OPEN: '该特别程序正在进行，不能重复启动',
  CASE_PROCEDURE_NOT_OPEN: '该特别程序没有在进行',
  CASE_EXTENSION_NOT_ALLOWED: '该办件不能延长办理期限',
  CASE_EXTENSION_USED: '该办件已经延长过一次办理期限',
  CASE_EXTENSION_TOO_LONG: '延长的期限超过了法定可延长的期限',

  // Department plugins (docs/plugin-host.md)
  PLUGIN_NOT_FOUND: '插件不存在',
  PLUGIN_VERSION_NOT_FOUND: '插件没有该版本',
  PLUGIN_VERSION_EXISTS: '该插件版本已上传过，请使用新的版本号',
  PLUGIN_BUNDLE_INVALID: '插件包不符合要求，请按提示修改',
  PLUGIN_DEPARTMENT_FORBIDDEN: '插件只能服务本部门的事项，插件标识也只属于首次上传它的部门',
  PLUGIN_NOT_CHECKED: '该版本未通过上传检查，不能启用',
  PLUGIN_TRANSITION_INVALID: '该版本当前的状态不允许此操作',
  PLUGIN_GRANT_INVALID: '授权内容不符合要求，请按提示修改',
  PLUGIN_TABLE_NOT_FOUND: '参照表不存在',
  PLUGIN_TABLE_INVALID: '参照表内容不符合要求',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof errorMessages;
