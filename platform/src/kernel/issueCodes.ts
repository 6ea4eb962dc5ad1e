/**
 * Every issue code: the `code` inside a field issue `{ pointer, code, message }` and the id of a
 * catalog quality rule, which share one namespace so that one code means one rule wherever it is
 * found (publish checks, import, quality report). Each maps to its meaning in Chinese; docs/issues.md
 * documents each in the same words, and tests/integration/issueCodes.test.ts holds the source and the
 * documents to this list.
 *
 * Naming: `area.snake_case`, the area being the thing at fault (`code`, `limit`, `flow`…) or, for a
 * rule only one place checks, that place (`publish`, `import`, `xlsx`). `schema.*` codes carry the
 * JSON Schema keyword as the standard spells it (`schema.minItems`), so a reader can look it up.
 */
export const issueCodes = {
  // The request or document against its JSON Schema (toFieldIssues: `schema.<keyword>`).
  'schema.type': '类型不符',
  'schema.required': '缺少必填项',
  'schema.additionalProperties': '不允许的属性',
  'schema.unevaluatedProperties': '不允许的属性',
  'schema.enum': '不是允许的取值',
  'schema.const': '不是规定的取值',
  'schema.pattern': '格式不符',
  'schema.format': '格式不符',
  'schema.minLength': '过短',
  'schema.maxLength': '过长',
  'schema.minimum': '小于最小值',
  'schema.maximum': '大于最大值',
  'schema.exclusiveMinimum': '不大于下限',
  'schema.exclusiveMaximum': '不小于上限',
  'schema.multipleOf': '不是规定值的整数倍',
  'schema.minItems': '项数过少',
  'schema.maxItems': '项数过多',
  'schema.uniqueItems': '有重复项',
  'schema.contains': '缺少符合要求的项',
  'schema.minProperties': '属性过少',
  'schema.maxProperties': '属性过多',
  'schema.propertyNames': '属性名不符',
  'schema.dependentRequired': '缺少关联的必填项',
  'schema.dependencies': '缺少关联的必填项',
  'schema.oneOf': '应恰好符合一种情形',
  'schema.anyOf': '不符合任何一种情形',
  'schema.not': '不应符合该模式',
  'schema.if': '不符合条件分支',
  'schema.discriminator': '不是允许的类别',
  'schema.false_schema': '不允许出现',
  'schema.compile': '不是有效的 JSON Schema',

  // The JSON body itself, before any schema (http/checkJsonValue).
  'json.nul': '包含空字符',
  'json.surrogate': '包含无效的 Unicode 字符',
  'json.too_deep': '嵌套层级过深',

  // Accounts (identity/createUser).
  'user.username': '用户名不符合要求',
  'user.display_name': '姓名不符合要求',
  'user.password_too_short': '密码过短',
  'user.password_too_long': '密码过长',
  'user.role': '角色无效',
  'user.department_required': '该角色须指定部门',
  'user.department_not_allowed': '该角色不属于部门',
  'user.department_disabled': '部门已停用',

  // Departments administered over HTTP (departments/createDepartment, updateDepartment).
  'department.name_taken': '部门名称已被使用',

  // Citizens registering (schemas/identity checkIdNumber, identity/registerCitizen).
  'citizen.name': '姓名格式不正确',
  'citizen.id_number_format': '身份证号格式不正确',
  'citizen.id_number_region': '身份证号的地区码无效',
  'citizen.id_number_birth_date': '身份证号的出生日期无效',
  'citizen.id_number_check_digit': '身份证号校验位不正确',
  'citizen.phone': '手机号码格式不正确',
  'citizen.password_digits_only': '密码不能全是数字',
  'citizen.password_is_id_number': '密码不能与身份证号相同',

  // Reading an import file (catalog/exchange).
  'xlsx.invalid_value': '单元格的值无法识别',
  'xlsx.missing_key': '缺少实施编码',
  'xlsx.unknown_matter': '实施编码不在事项表中',
  'import.empty': '导入文件中没有事项',

  // Codes and the implementing body (catalog/rules/codeRules).
  'code.missing': '缺少实施编码或基本编码',
  'code.malformed': '编码格式错误',
  'code.prefix_mismatch': '实施编码未以实施主体编码开头',
  'code.duplicate': '实施编码重复',
  'department.invalid': '实施主体编码不是有效的统一社会信用代码',
  'department.unknown': '实施主体不在部门名录中',
  'department.scope': '不是本部门的事项',
  'name.inconsistent': '同一基本编码名称不一致',
  'name.multiple_codes': '同一事项名称对应多个基本编码',
  'type.inconsistent': '同一基本编码事项类型不一致',
  'basis.inconsistent': '同一基本编码设定依据不一致',
  'limit.inconsistent': '同一基本编码法定时限不一致',

  // Legal basis, time limits and fees (catalog/rules).
  'basis.missing': '缺少设定依据',
  'basis.article_missing': '依据缺少条款号',
  'limit.promise_exceeds_statutory': '承诺时限超过法定时限',
  'limit.instant_nonzero': '即办件承诺时限不为 0',
  'limit.unit_missing': '时限缺少单位',
  'fee.basis_missing': '收费缺少依据',
  'fee.waiver_basis_missing': '可减免的收费缺少减免依据',
  'fee.items_missing': '标明收费但未列收费项目',

  // Rules of law the quality report applies with the law register and the calendar (catalog/quality).
  'basis.level_cannot_set': '设定依据的效力层级不能设定行政许可',
  'basis.repealed': '依据已废止',
  'fee.level_cannot_set': '收费依据的效力层级不能设定行政许可收费',
  'fee.amount_mismatch': '收费金额与收费标准不符',
  'limit.missing': '未填写任何办理时限',
  'limit.commitment_zero': '承诺件承诺时限为 0',
  'procedure.unbounded': '特别程序没有最长时限',
  'safety.deemed_approval': '涉及公共安全的事项适用超时默许',

  // Quality report only (catalog/quality).
  'material.basis_missing': '申请材料缺少要求依据',
  'material.accept_standard_missing': '申请材料缺少受理标准',
  'material.duplicate': '同一材料重复要求',
  'material.fetchable': '可由部门共享获取的材料',
  'prerequisite.cycle': '前置事项循环',
  'prerequisite.not_statutory': '非法定前置事项',
  'online.consult_only': '网上办理深度仅为咨询',
  'online.visits_unexplained': '到现场超过一次但未说明理由',
  'material.licence_self_provided': '政府核发的证照由申请人自备',
  'prerequisite.unknown': '前置事项不在目录中',

  // Publishing only (catalog/checks).
  'publish.time_limits_missing': '缺少法定或承诺办结时限',
  'publish.project_type_missing': '缺少办件类型',
  'publish.form_missing': '缺少申请表单',
  'publish.form_invalid': '申请表单无效',
  'publish.condition_invalid': '材料或收费的适用条件无效',
  'publish.condition_unknown_field': '适用条件引用了表单中不存在的字段',
  'publish.flow_missing': '缺少办理流程',
  'publish.material_id_duplicate': '材料标识重复',
  'publish.plugin_foreign': '事项引用了其他部门的插件',
  'publish.plugin_options_invalid': '事项为插件设的选项不符合插件的选项模式',

  // The flow's static checks (flows/checkFlow).
  'flow.start_unknown': '起始节点不存在',
  'flow.duplicate_id': '标识重复',
  'flow.target_unknown': '后继不存在',
  'flow.unreachable': '环节不可达',
  'flow.cycle': '流程存在循环',
  'flow.no_end': '无法办结',
  'flow.department_unknown': '部门不在名录中',
  'flow.lead_not_in_branches': '牵头单位不在并联分支中',
  'flow.budget_exceeds_promise': '环节时限合计超过承诺时限',
  'flow.instant_budget': '即办件环节时限不为 0',
  'flow.special_procedure_unknown': '特别程序未登记',
  'flow.role_actions': '操作与角色不符',
  'flow.condition_invalid': '流程条件无效',
  'flow.condition_unknown_field': '流程条件引用了表单中不存在的字段',

  // 情形引导 and 办理情形 (catalog/checks/checkSituations).
  'situation.question_id_duplicate': '引导问题标识重复',
  'situation.option_duplicate': '引导问题选项值重复',
  'situation.id_duplicate': '办理情形标识重复',
  'situation.when_invalid': '情形的引导问题条件无效',
  'situation.when_unknown_question': '情形条件引用了不存在的引导问题',
  'situation.when_unknown_option': '情形条件引用了问题没有的选项',
  'situation.condition_invalid': '情形的表单条件无效',
  'situation.condition_unknown_field': '情形条件引用了表单中不存在的字段',
  'situation.material_unknown': '情形的材料不在申请材料中',
  'situation.material_added_and_waived': '同一情形对同一材料既要求又免交',
  'situation.flow_start_unknown': '情形的流程起点不存在',
  'situation.commitment_letter_unknown': '承诺书不在申请材料中',
  'situation.tolerated_material_unknown': '容缺受理的材料不在申请材料中',

  // Editing and moving a matter (catalog/operations).
  'matter.code_changed': '不能修改实施编码',
  'matter.department_changed': '不能变更实施主体',
  'matter.comments_required': '退回时须填写审核意见',
  'date.format': '日期无效',
  'date.past': '日期早于今天',
  'date.too_far': '生效日期过远',
  'date.range_reversed': '结束日期早于开始日期',
  'risk.no_finding': '没有对应的错误级质量问题',
  'risk.reason_required': '须填写接受风险的理由',

  // The law register (laws).
  'law.id_mismatch': '条目标识与地址不一致',
  'law.replaced_by_unknown': '替代条目不在法规库中',

  // The working-day calendar (schemas/calendar checkCalendarYear, platform/calendar).
  'calendar.source_missing': '缺少通知文号',
  'calendar.holiday_not_weekday': '节假日不是周一至周五',
  'calendar.makeup_not_weekend': '调休上班日不是周末',
  'calendar.date_outside_year': '日期不在该年度内',
  'calendar.date_duplicate': '日期重复',
  'calendar.date_conflict': '同一日期既是节假日又是调休上班日',
  'calendar.next_year_missing': '下一年度的节假日安排尚未录入',

  // An application against its matter version (intake: validateApplication).
  'answer.unknown_question': '事项没有这个引导问题',
  'answer.unknown_option': '不是该问题的选项',
  'material.required': '缺少必须提交的材料',
  'material.not_allowed': '本情形不需要这份材料',
  'material.unknown': '事项没有这份材料',
  'material.paper_only': '这份材料须提交纸质件，不能上传',
  'material.filled_online': '这份材料就是在线填写的申请表，无需上传',
  'material.too_many_files': '文件数超过上限',
  'file.not_found': '文件不存在或不属于本人',
  'file.type': '文件类型不是这份材料接受的格式',
  'file.size': '文件超过这份材料的大小上限',
  'file.infected': '文件未通过病毒扫描',
  'applicant.on_behalf_required': '代办须填写申请人信息',
  'applicant.on_behalf_forbidden': '只有窗口工作人员可以代办',
  // What a department plugin found (intake: the validate hook, or a failed call the matter blocks on).
  'plugin.invalid': '部门插件校验未通过',
  'plugin.failed': '部门插件调用失败，暂不能提交',
  // A plugin upload, its grants and its lookup tables (plugins: the host's operations).
  'plugin.matter_unknown': '插件清单列出的事项不存在',
  'plugin.matter_foreign': '插件清单列出的事项不属于插件所属部门',
  'plugin.id_foreign': '插件标识已属于另一个部门',
  'plugin.origin_invalid': '授权来源须为 http(s)://主机[:端口]',
  'plugin.origin_not_canonical': '授权来源须按规范写法填写',
  'plugin.table_unknown': '授权的参照表不存在',
  'plugin.table_too_many_rows': '参照表行数超过上限',
  'plugin.table_too_large': '参照表超过大小上限',
  'plugin.table_key_invalid': '参照表的键长度不符合要求',
  'plugin.table_row_invalid': '参照表的每一行须为 JSON 对象',

  // A window's acceptance action (cases: actOnCase).
  'case.field_required': '该操作须填写此项',
  'case.field_not_for_action': '该操作不接受此项',
  'case.user_invalid': '须是本环节承办部门中可办理本环节的在岗人员',
  'case.department_unknown': '须是本中心在用的部门',
  'case.department_same': '须是本环节当前承办部门以外的部门',
  'post.backup_invalid': '须是本部门同一岗位的其他在岗人员',
  'post.backup_required': '标记缺岗须先指定B岗人员',
  'case.result_file_invalid': '须是本人为该办件上传的结果文件（PDF 或 JPG、PNG 图片）',
  'supplement.material_unknown': '本事项的这一版本没有这份材料',
  'supplement.field_unknown': '申请表没有这个字段',
  'supplement.item_repeated': '同一项材料或字段列了两次',
  // The applicant's answer to a 补正 (cases: answerSupplement).
  'supplement.not_listed': '补正通知没有要求这一项',
  'supplement.item_missing': '补正通知要求的这一项没有提交',
} as const satisfies Record<string, string>;

export type IssueCode = keyof typeof issueCodes;
