import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useStaffUser } from '../session/SessionProvider';
import { api, ApiError } from '../api/api';
import { useLoad } from '../useLoad';
import type { CaseFile, CaseView } from './caseTypes';
import { ActionProblemAlert } from './ActionProblemAlert';
import { useCaseAction, type ActionBody } from './useCaseAction';
import { ProcedureButtons, type ClockDialogState } from './ClockActions';

/** `GET /api/cases/{number}/tasks/{taskId}`: the task and what the caller may do with it now. */
interface Task {
  id: string;
  name: string;
  department: string;
  assignee: string | null;
  returnTargets: { id: string; name: string }[];
  /** What the step offers (the flow's words) and the 特别程序 it names (none: any of the matter's). */
  offered: string[];
  specialProcedures: string[];
  available: string[];
}
type DialogAction = 'approve' | 'return' | 'transfer' | 'transferDepartment' | 'addSigner' | 'decide' | 'deny' | 'terminate';
type Dialog = { task: Task; action: DialogAction };

const TITLES: Record<DialogAction, string> = {
  approve: '通过',
  return: '退回',
  transfer: '转办',
  transferDepartment: '转其他部门',
  addSigner: '加签',
  decide: '准予许可',
  deny: '不予许可',
  terminate: '终止办理',
};

const REASON_LABELS = { deny: '不予许可的理由', terminate: '终止的理由', transferDepartment: '转交的理由（非本部门职权的依据）' };

const ROLE_WORDS: Record<string, string> = { reviewer: '审查人员', chief: '首席代表' };

/** `GET …/tasks/{id}/colleagues`: whom the platform accepts for 转办 and 加签. */
interface Colleagues {
  transfer: { userId: number; displayName: string; role: string }[];
  addSigner: { userId: number; displayName: string; role: string }[];
}

/** The picker of 转办 / 加签: the colleagues the platform would accept, by name, never a typed user id. */
function ColleagueSelect({ file, dialog }: { file: CaseFile; dialog: Dialog }) {
  const action = dialog.action === 'addSigner' ? 'addSigner' : 'transfer';
  const colleagues = useLoad(
    () => api.get<Colleagues>(`/api/cases/${file.case.number}/tasks/${dialog.task.id}/colleagues`),
    [file.case.number, dialog.task.id],
  );
  const options = (colleagues.value?.[action] ?? []).map((user) => ({
    value: user.userId,
    label: `${user.displayName}（${ROLE_WORDS[user.role] ?? user.role}）`,
  }));
  return (
    <Form.Item
      name="userId"
      label={action === 'transfer' ? '转办给' : '加签人'}
      rules={[{ required: true, message: action === 'transfer' ? '请选择接办的同事' : '请选择加签人' }]}
      extra={
        colleagues.status === 'failed'
          ? colleagues.error.message
          : colleagues.status === 'ready' && options.length === 0
            ? '本部门没有可选的在岗人员'
            : undefined
      }
    >
      <Select
        options={options}
        loading={colleagues.status === 'loading'}
        placeholder="请选择"
        showSearch={{ optionFilterProp: 'label' }}
      />
    </Form.Item>
  );
}

/** 转其他部门: the centre's active departments (the public list answers only those), the task's own left out. */
function DepartmentSelect({ task }: { task: Task }) {
  const departments = useLoad(() => api.get<{ items: { code: string; name: string }[] }>('/api/departments'), []);
  const options = (departments.value?.items ?? [])
    .filter((department) => department.code !== task.department)
    .map((department) => ({ value: department.code, label: department.name }));
  return (
    <Form.Item
      name="toDepartmentCode"
      label="转交有权办理的部门"
      rules={[{ required: true, message: '请选择部门' }]}
      extra={departments.status === 'failed' ? departments.error.message : undefined}
    >
      <Select
        options={options}
        loading={departments.status === 'loading'}
        placeholder="请选择"
        showSearch={{ optionFilterProp: 'label' }}
      />
    </Form.Item>
  );
}

/** The open tasks the caller may act on; a task of another department answers 403 and is left out. */
async function loadMyTasks(view: CaseView): Promise<Task[]> {
  const tasks = await Promise.all(
    view.tasks.map((task) =>
      api.get<Task>(`/api/cases/${view.number}/tasks/${task.id}`).catch((error: unknown) => {
        if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
        throw error;
      }),
    ),
  );
  return tasks.filter((task): task is Task => task !== null && task.available.length > 0);
}

/** What the dialog asks for each action: a comment always, and what the action itself needs. */
function TaskDialog({
  file,
  dialog,
  isSending,
  onCancel,
  onSubmit,
}: {
  file: CaseFile;
  dialog: Dialog | null;
  isSending: boolean;
  onCancel: () => void;
  onSubmit: (body: ActionBody) => void;
}) {
  const [form] = Form.useForm<Record<string, string | number>>();
  const action = dialog?.action;
  const submit = () =>
    void form.validateFields().then(
      (values) => {
        const fields = Object.entries(values).flatMap(([key, value]): [string, string | number][] => {
          if (typeof value === 'number') return [[key, value]];
          return typeof value === 'string' && value.trim() ? [[key, value.trim()]] : [];
        });
        onSubmit({ action: action ?? 'approve', ...Object.fromEntries(fields) });
      },
      () => undefined,
    );
  return (
    <Modal
      open={dialog !== null}
      title={dialog ? `${TITLES[dialog.action]}：${dialog.task.name}` : ''}
      okText={dialog ? TITLES[dialog.action] : '确定'}
      okButtonProps={{ loading: isSending }}
      cancelText="取消"
      onCancel={onCancel}
      onOk={submit}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        {action === 'return' && dialog && (
          <Form.Item name="to" label="退回到" rules={[{ required: true, message: '请选择退回到的环节' }]}>
            <Select options={dialog.task.returnTargets.map((t) => ({ value: t.id, label: t.name }))} placeholder="请选择" />
          </Form.Item>
        )}
        {(action === 'transfer' || action === 'addSigner') && dialog && <ColleagueSelect file={file} dialog={dialog} />}
        {action === 'decide' && (
          <>
            <Form.Item
              name="resultNumber"
              label="决定文号或证照编号"
              rules={[{ required: true, whitespace: true, message: '请填写文号' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="resultName" label="审批结果名称" extra={`缺省为：${file.document.result?.name ?? '事项的审批结果'}`}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        {action === 'transferDepartment' && dialog && <DepartmentSelect task={dialog.task} />}
        {(action === 'deny' || action === 'terminate' || action === 'transferDepartment') && (
          <Form.Item
            name="reason"
            label={REASON_LABELS[action]}
            rules={[{ required: true, whitespace: true, message: '请写明理由' }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        <Form.Item
          name="comment"
          label="办理意见"
          rules={[{ required: action === 'return', whitespace: true, message: '退回须写明意见' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The open tasks of the case the signed-in clerk may act on, each with exactly the actions the
 * platform says are available to them now (认领, 通过, 退回 to a step it names, 准予 / 不予许可, 终止,
 * 转办 and 加签 to a colleague picked from those the platform accepts, 转其他部门 with a reason, 催办), and the task's 特别程序:
 * started with the written notice 第四十五条 requires, ended when it is over.
 */
export function TaskPanel({ file, onChanged }: { file: CaseFile; onChanged: () => void }) {
  const { message } = App.useApp();
  const user = useStaffUser();
  const tasks = useLoad(() => loadMyTasks(file.case), [file.case]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { send, isSending, problem, clearProblem } = useCaseAction(
    file.case,
    () => {
      setDialog(null);
      void message.success('已办理');
      onChanged();
    },
    () => {
      setDialog(null);
      setClockDialog(null);
    },
  );
  const [clockDialog, setClockDialog] = useState<ClockDialogState | null>(null);
  const mine = tasks.value ?? [];
  // 特别程序 belong to whoever may act on the task now: a queue task's role, a claimed task's holder.
  const mayHold = (task: Task) =>
    task.offered.includes('specialProcedure') &&
    task.available.some((action) => action !== 'urge') &&
    (task.assignee === null || task.assignee === String(user.id));
  if (mine.length === 0 && tasks.status !== 'failed') return null;
  const act = (task: Task, body: ActionBody) => void send(body, `tasks/${task.id}/actions`);
  const has = (task: Task, action: string) => task.available.includes(action);
  return (
    <Card title="办理" size="small">
      {tasks.status === 'failed' && <Alert type="error" showIcon className="page-alert" title={tasks.error.message} />}
      <ActionProblemAlert
        problem={problem}
        onReload={() => {
          clearProblem();
          onChanged();
        }}
      />
      <Space orientation="vertical" size="middle" className="case-column">
        {mine.map((task) => (
          <div key={task.id}>
            <Typography.Paragraph className="task-heading">
              <Typography.Text strong>{task.name}</Typography.Text>
              {task.assignee === null ? '（待认领）' : task.assignee === String(user.id) ? '（我承办）' : ''}
            </Typography.Paragraph>
            <Space wrap>
              {has(task, 'claim') && <Button onClick={() => act(task, { action: 'claim' })}>认领</Button>}
              {has(task, 'approve') && (
                <Button type="primary" onClick={() => setDialog({ task, action: 'approve' })}>
                  通过
                </Button>
              )}
              {has(task, 'decide') && (
                <Button type="primary" onClick={() => setDialog({ task, action: 'decide' })}>
                  准予许可
                </Button>
              )}
              {has(task, 'deny') && <Button onClick={() => setDialog({ task, action: 'deny' })}>不予许可</Button>}
              {has(task, 'return') && task.returnTargets.length > 0 && (
                <Button onClick={() => setDialog({ task, action: 'return' })}>退回</Button>
              )}
              {has(task, 'transfer') && <Button onClick={() => setDialog({ task, action: 'transfer' })}>转办</Button>}
              {has(task, 'transferDepartment') && (
                <Button onClick={() => setDialog({ task, action: 'transferDepartment' })}>转其他部门</Button>
              )}
              {has(task, 'addSigner') && <Button onClick={() => setDialog({ task, action: 'addSigner' })}>加签</Button>}
              {has(task, 'terminate') && <Button onClick={() => setDialog({ task, action: 'terminate' })}>终止办理</Button>}
              {has(task, 'urge') && <Button onClick={() => act(task, { action: 'urge' })}>催办</Button>}
            </Space>
            <ProcedureButtons
              file={file}
              task={task}
              mayAct={mayHold(task)}
              isSending={isSending}
              onSend={(body) => void send(body).then((isDone) => isDone && setClockDialog(null))}
              dialog={clockDialog?.taskId === task.id ? clockDialog : null}
              onDialog={setClockDialog}
            />
          </div>
        ))}
      </Space>
      <TaskDialog
        file={file}
        dialog={dialog}
        isSending={isSending}
        onCancel={() => setDialog(null)}
        onSubmit={(body) => dialog && act(dialog.task, body)}
      />
    </Card>
  );
}
