/**
 * What each event type is called on the status page. The case engine adds its types here
 * (受理, 补正, 审查, 决定 …); an unknown type still shows, under its code, rather than vanish.
 */
export const EVENT_TITLES: Record<string, string> = {
  submitted: '提交申请',
  submitted_on_behalf: '窗口代办提交申请',
  // The case engine's acceptance (docs/cases.md "Cases and acceptance").
  case_accepted: '已受理',
  case_refused: '不予受理',
  case_supplement_requested: '一次性告知补正',
  // The applicant's answer (docs/cases.md "The 补正 loop").
  case_supplement_answered: '申请人已补正',
  case_completed_on_spot: '即办件当场办结',
  case_deemed_accepted: '逾期未作出受理决定，自收到申请材料之日起视为受理',
  // The case engine's tasks and decision (docs/cases.md "Tasks and decisions").
  task_claimed: '认领办理',
  task_approved: '审查通过',
  task_returned: '退回重新审查',
  task_transferred: '转办',
  task_department_transferred: '转由有权办理的部门办理',
  task_signer_added: '加签',
  task_urged: '催办',
  case_decided: '准予许可',
  case_denied: '不予许可',
  case_terminated: '终止办理',
  case_delivered: '办结送达',
  case_result_attached: '许可结果文件可下载',
  case_verified: '告知承诺事后核查完成',
  case_breach_found: '核查发现未履行承诺',
  case_green_channel_set: '开通绿色通道',
  case_green_channel_lifted: '取消绿色通道',
  // The clock after 受理 and withdrawal (docs/cases.md "Clock actions and warnings").
  case_procedure_started: '启动特别程序（所需时间不计入办理期限）',
  case_procedure_ended: '特别程序结束，恢复计时',
  case_extended: '延长办理期限',
  case_withdrawn: '申请人撤回申请',
  case_deemed_approved: '期限届满未作出决定，视为准予许可',
  // Department plugins (docs/intake.md, docs/cases.md "Plugins"): for the staff only.
  plugin_failed: '部门插件调用失败，请人工核查',
  plugin_routed: '部门插件选定并联办理分支',
};

export function eventTitle(type: string): string {
  return EVENT_TITLES[type] ?? type;
}
