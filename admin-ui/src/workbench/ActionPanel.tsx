import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useStaffUser } from '../session/SessionProvider';
import type { CaseFile, CaseView } from './caseTypes';
import { RefuseModal } from './RefuseModal';
import { SupplementModal } from './SupplementModal';
import { ActionProblemAlert } from './ActionProblemAlert';
import { useCaseAction } from './useCaseAction';

const UNANSWERED = ['received', 'supplementing'];

/**
 * Whether 当场办结 may apply: the matter, or one of its 办理情形, is a 即办件. Which situation applies
 * to this applicant is the platform's to decide (evaluating conditions would compile schemas, which
 * the page's CSP forbids); a case that is not one is refused with CASE_NOT_INSTANT, shown here.
 */
function mayBeInstant(file: CaseFile): boolean {
  return file.document.projectType === '1' || (file.document.situations ?? []).some((situation) => situation.projectType === '1');
}

/**
 * The window's answer to an application: 受理, 不予受理, 一次性告知补正, or for a 即办件 当场办结.
 * Offered only to a window of the case's department while the case waits for an answer; the
 * platform checks the same again.
 */
export function ActionPanel({
  file,
  onChanged,
  onReload,
}: {
  file: CaseFile;
  onChanged: (view: CaseView) => void;
  onReload: () => void;
}) {
  const user = useStaffUser();
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<'refuse' | 'supplement' | null>(null);
  const { send, isSending, problem, clearProblem } = useCaseAction(
    file.case,
    (view) => {
      setDialog(null);
      onChanged(view);
    },
    // The panel says so, with the reload: a dialog left open would hide it.
    () => setDialog(null),
  );
  const isMine = user.role === 'window' && user.departmentCode === file.case.departmentCode;
  if (!isMine || !UNANSWERED.includes(file.case.status)) return null;
  const done = (words: string) => (isDone: boolean) => {
    if (isDone) void message.success(words);
  };
  const confirm = (title: string, content: string, action: string, words: string) =>
    modal.confirm({
      title,
      content,
      okText: '确定',
      cancelText: '取消',
      onOk: () => send({ action }).then(done(words)),
    });
  return (
    <Card title="受理" size="small">
      {file.case.status === 'supplementing' && (
        <Typography.Paragraph>已一次性告知补正，等待申请人补正；如需要，仍可直接作出受理决定。</Typography.Paragraph>
      )}
      <ActionProblemAlert
        problem={problem}
        conflictDetail="您打开办件后，已有人对它作出了处理；刷新后再决定。"
        onReload={() => {
          clearProblem();
          onReload();
        }}
      />
      <Space wrap>
        <Button
          type="primary"
          loading={isSending && dialog === null}
          onClick={() => confirm('受理该申请？', '申请材料齐全、符合法定形式：受理后开始计时并进入审查。', 'accept', '已受理')}
        >
          受理
        </Button>
        <Button onClick={() => setDialog('supplement')}>一次性告知补正</Button>
        <Button onClick={() => setDialog('refuse')}>不予受理</Button>
        {mayBeInstant(file) && (
          <Button onClick={() => confirm('当场办结？', '即办件：受理并当场办结。', 'completeOnSpot', '已当场办结')}>
            即办件 当场办结
          </Button>
        )}
      </Space>
      <RefuseModal
        open={dialog === 'refuse'}
        isSending={isSending}
        onCancel={() => setDialog(null)}
        onSubmit={(values) =>
          void send({
            action: 'refuse',
            reasonCode: values.reasonCode,
            // Kept while hidden: sent only with the reason it belongs to.
            ...(values.reasonCode === 'not_competent' && values.competentBody?.trim()
              ? { competentBody: values.competentBody.trim() }
              : {}),
            ...(values.reasonText?.trim() ? { reasonText: values.reasonText.trim() } : {}),
          }).then(done('已决定不予受理'))
        }
      />
      <SupplementModal
        file={file}
        open={dialog === 'supplement'}
        isSending={isSending}
        onCancel={() => setDialog(null)}
        onSubmit={(items) => void send({ action: 'supplement', items }).then(done('已发出一次性告知'))}
      />
    </Card>
  );
}
