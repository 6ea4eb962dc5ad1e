import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { shanghaiDate } from '@matterflow/schemas';

export type DateMove = 'unschedule' | 'reschedule' | 'retire';

const TEXT: Record<DateMove, { title: string; dateLabel?: string; ok: string }> = {
  unschedule: { title: '撤销发布计划', ok: '撤销发布计划' },
  reschedule: { title: '改定生效日期', dateLabel: '新的生效日期', ok: '改期' },
  retire: { title: '取消事项', dateLabel: '取消日期', ok: '取消事项' },
};

/**
 * The moves that take a date and a comment: unscheduling a publication (back to review), moving its
 * day, and retiring the matter. Days before today are not offered: the platform refuses them.
 */
export function DateMoveModal({
  move,
  version,
  isBusy,
  error,
  onCancel,
  onSubmit,
}: {
  move: DateMove;
  version: number;
  isBusy: boolean;
  /** Why the last try was refused, shown where the clerk is looking. */
  error?: string;
  onCancel: () => void;
  onSubmit: (fields: { date?: string; comments?: string }) => void;
}) {
  const text = TEXT[move];
  const today = dayjs(shanghaiDate(new Date()));
  const [date, setDate] = useState<Dayjs | null>(move === 'reschedule' ? null : today);
  const [comments, setComments] = useState('');
  const isMissingDate = text.dateLabel !== undefined && date === null;
  return (
    <Modal
      open
      title={`${text.title}（第 ${version} 版）`}
      okText={text.ok}
      cancelText="返回"
      confirmLoading={isBusy}
      okButtonProps={{ disabled: isMissingDate }}
      onCancel={onCancel}
      onOk={() =>
        onSubmit({
          ...(text.dateLabel && date ? { date: date.format('YYYY-MM-DD') } : {}),
          ...(comments.trim() ? { comments: comments.trim() } : {}),
        })
      }
    >
      {error && <Alert type="error" showIcon title={error} className="page-alert" />}
      <Form layout="vertical">
        {text.dateLabel && (
          <Form.Item label={text.dateLabel} htmlFor="versions-move-date" required>
            <DatePicker
              id="versions-move-date"
              value={date}
              onChange={setDate}
              disabledDate={(day) => day.isBefore(today, 'day')}
            />
          </Form.Item>
        )}
        <Form.Item label="说明" htmlFor="versions-move-comments">
          <Input.TextArea
            id="versions-move-comments"
            rows={3}
            maxLength={2000}
            value={comments}
            onChange={(e) => setComments(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
