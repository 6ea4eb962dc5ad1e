import type { SpecialProcedure } from '@matterflow/schemas';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useStaffUser } from '../session/SessionProvider';
import { ActionProblemAlert } from './ActionProblemAlert';
import type { CaseFile } from './caseTypes';
import { chineseDate } from './caseWords';
import { pausingProcedures, procedureName } from './clockWords';
import { useCaseAction, type ActionBody } from './useCaseAction';

const UNIT_WORDS = { workday: '个工作日', day: '日', month: '个月' } as const;

/** Which clock dialog is open: a procedure started from a task, or the chief's extension. */
export type ClockDialogState = { kind: 'start'; taskId: string; offered: string[] } | { kind: 'extend'; taskId: null };

/**
 * The written notice 行政许可法第四十五条 requires (告知申请人所需时间), from what the clerk
 * entered: kept on the event and printed as the 特别程序告知书.
 */
export function procedureNotice(procedure: SpecialProcedure, reason: string, days: number): string {
  const unit = UNIT_WORDS[procedure.unit ?? 'workday'];
  return `因${reason}，本机关需对你（单位）的申请进行${procedure.name}，预计需要${days}${unit}。根据《中华人民共和国行政许可法》第四十五条的规定，${procedure.name}所需时间不计算在办理期限内。`;
}

/** The statutory extension the matter (or the applying 办理情形) allows: 第四十二条. */
export function allowedExtension(file: CaseFile) {
  const fromSituation = (file.document.situations ?? []).find((s) => s.timeLimits?.statutory?.extension)?.timeLimits?.statutory
    ?.extension;
  return fromSituation ?? file.document.timeLimits?.statutory?.extension;
}

const openPauses = (file: CaseFile) => (file.case.clock?.pauses ?? []).filter((pause) => pause.to === null);
const isRunning = (file: CaseFile) =>
  file.case.status === 'in_review' && file.case.clock !== null && file.case.clock.state !== 'stopped';

/** What a clock dialog asks: a procedure, why and how long (at most its maximum); or the extension's approver, days and reason. */
function ClockDialog({
  file,
  dialog,
  isSending,
  onCancel,
  onSubmit,
}: {
  file: CaseFile;
  dialog: ClockDialogState | null;
  isSending: boolean;
  onCancel: () => void;
  onSubmit: (body: ActionBody) => void;
}) {
  const [form] = Form.useForm<{ procedure?: string; reason?: string; days?: number; approvedBy?: string }>();
  const chosen = Form.useWatch('procedure', form);
  const procedures = dialog?.kind === 'start' ? pausingProcedures(file.document, dialog.offered) : [];
  const procedure = procedures.find((p) => p.name === chosen);
  const extension = allowedExtension(file);
  const isStart = dialog?.kind === 'start';
  const submit = () =>
    void form.validateFields().then(
      (values) => {
        // The days told in the notice are the days sent: the platform holds them to the procedure's maximum too.
        const days = values.days ?? 1;
        if (dialog?.kind === 'start' && procedure)
          onSubmit({
            action: 'startSpecialProcedure',
            taskId: dialog.taskId,
            procedure: procedure.name,
            days,
            notice: procedureNotice(procedure, (values.reason ?? '').trim(), days),
          });
        if (dialog?.kind === 'extend')
          onSubmit({
            action: 'extend',
            days: values.days,
            approvedBy: (values.approvedBy ?? '').trim(),
            reasonText: (values.reason ?? '').trim(),
          });
      },
      () => undefined,
    );
  const maxDays = isStart ? procedure?.maxDays : extension?.value;
  const unit = UNIT_WORDS[(isStart ? procedure?.unit : extension?.unit) ?? 'workday'];
  return (
    <Modal
      open={dialog !== null}
      title={isStart ? '启动特别程序' : '延长办理期限'}
      okText={isStart ? '启动，暂停计时' : '延长期限'}
      okButtonProps={{ loading: isSending }}
      cancelText="取消"
      onCancel={onCancel}
      onOk={submit}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        {isStart ? (
          <>
            <Typography.Paragraph type="secondary">
              听证、检验、检测、鉴定、专家评审等所需时间不计算在办理期限内，并须书面告知申请人所需时间（行政许可法第四十五条）。
            </Typography.Paragraph>
            <Form.Item name="procedure" label="特别程序" rules={[{ required: true, message: '请选择特别程序' }]}>
              <Select
                placeholder="请选择"
                options={procedures.map((p) => ({
                  value: p.name,
                  label: p.maxDays === undefined ? p.name : `${p.name}（最长 ${p.maxDays} ${UNIT_WORDS[p.unit ?? 'workday']}）`,
                }))}
              />
            </Form.Item>
            <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请写明理由' }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              经本行政机关负责人批准，可以延长一次，并应当将延长期限的理由告知申请人（行政许可法第四十二条）。
            </Typography.Paragraph>
            <Form.Item
              name="approvedBy"
              label="批准人"
              extra={extension?.approver ? `须由${extension.approver}批准` : undefined}
              rules={[{ required: true, whitespace: true, message: '请填写批准延长的负责人' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="reason"
              label="延长理由（告知申请人）"
              rules={[{ required: true, whitespace: true, message: '请写明理由' }]}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="days"
          label={isStart ? `预计所需时间（${unit}）` : `延长（${unit}）`}
          extra={maxDays === undefined ? undefined : `最多 ${maxDays} ${unit}`}
          rules={[
            { required: true, message: '请填写天数' },
            // The maximum of the procedure chosen when it validates, not when it last rendered.
            ({ getFieldValue }) => {
              const limit = isStart ? procedures.find((p) => p.name === getFieldValue('procedure'))?.maxDays : maxDays;
              return {
                validator: (_, value: number | undefined) =>
                  value === undefined || limit === undefined || value <= limit
                    ? Promise.resolve()
                    : Promise.reject(new Error(`不能超过 ${limit} ${unit}`)),
              };
            },
          ]}
        >
          <InputNumber min={1} max={3650} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 结束 for each running 特别程序, confirmed first: the day it ends still does not count. */
function EndProcedureButtons({ file, onEnd }: { file: CaseFile; onEnd: (procedure: string) => void }) {
  const { modal } = App.useApp();
  return openPauses(file).map((pause) => {
    const name = procedureName(file.document, pause.reason);
    return (
      <Button
        key={pause.reason}
        onClick={() =>
          modal.confirm({
            title: `结束${name}？`,
            content: `${name}自${chineseDate(pause.from)}起暂停计时；结束后，今日仍不计时，明日起恢复计时。`,
            okText: '结束，恢复计时',
            cancelText: '取消',
            onOk: () => onEnd(name),
          })
        }
      >
        结束{name}
      </Button>
    );
  });
}

/** A task's 特别程序: start one the step offers, end one that runs. */
export function ProcedureButtons({
  file,
  task,
  mayAct,
  isSending,
  dialog,
  onDialog,
  onSend,
}: {
  file: CaseFile;
  task: { id: string; offered: string[]; specialProcedures: string[] };
  mayAct: boolean;
  isSending: boolean;
  dialog: ClockDialogState | null;
  onDialog: (dialog: ClockDialogState | null) => void;
  onSend: (body: ActionBody) => void;
}) {
  if (!mayAct || !isRunning(file)) return null;
  const startable = pausingProcedures(file.document, task.specialProcedures);
  const open = openPauses(file);
  if (startable.length === 0 && open.length === 0) return null;
  return (
    <Space wrap className="procedure-buttons">
      {startable.length > 0 && (
        <Button onClick={() => onDialog({ kind: 'start', taskId: task.id, offered: task.specialProcedures })}>
          启动特别程序
        </Button>
      )}
      <EndProcedureButtons
        file={file}
        onEnd={(procedure) => onSend({ action: 'endSpecialProcedure', taskId: task.id, procedure })}
      />
      <ClockDialog file={file} dialog={dialog} isSending={isSending} onCancel={() => onDialog(null)} onSubmit={onSend} />
    </Space>
  );
}

/**
 * The chief's clock actions on a case of their department: 延长办理期限 once where the matter allows
 * it (第四十二条), and ending a 特别程序 without holding its task. The platform checks the same again.
 */
export function ClockPanel({ file, onChanged }: { file: CaseFile; onChanged: () => void }) {
  const user = useStaffUser();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<ClockDialogState | null>(null);
  const { send, isSending, problem, clearProblem } = useCaseAction(
    file.case,
    () => {
      setDialog(null);
      void message.success('已办理');
      onChanged();
    },
    () => setDialog(null),
  );
  const isChief = user.role === 'chief' && user.departmentCode === file.case.departmentCode;
  if (!isChief || !isRunning(file)) return null;
  const mayExtend = allowedExtension(file) !== undefined && !file.events.some((event) => event.type === 'case_extended');
  const open = openPauses(file);
  if (!mayExtend && open.length === 0) return null;
  return (
    <Card title="时限操作" size="small">
      <ActionProblemAlert
        problem={problem}
        onReload={() => {
          clearProblem();
          onChanged();
        }}
      />
      <Space wrap>
        {mayExtend && <Button onClick={() => setDialog({ kind: 'extend', taskId: null })}>延长办理期限</Button>}
        <EndProcedureButtons file={file} onEnd={(procedure) => send({ action: 'endSpecialProcedure', procedure })} />
      </Space>
      <ClockDialog
        file={file}
        dialog={dialog}
        isSending={isSending}
        onCancel={() => setDialog(null)}
        onSubmit={(body) => void send(body)}
      />
    </Card>
  );
}
