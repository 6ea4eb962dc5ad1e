import { Alert, Button, Card, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { RefusalList } from '../versions/RefusalList';
import { RiskReasons } from '../versions/RiskReasons';
import { shanghaiDate } from '@matterflow/schemas';
import type { TransitionBody } from '../versions/useTransition';
import { acceptedRisksOf, isQualityRefusal, refusalsOf, riskKey } from '../versions/versionRules';
import type { Refusal } from '../versions/versionTypes';

/**
 * Legal's decision on a version in review: publish from a day (today unless chosen), with a reason
 * for each open error finding, or send it back with comments (required: the department must know
 * what to change).
 */
export function DecisionCard({
  code,
  version,
  revision,
  openErrors,
  error,
  isBusy,
  onDecide,
}: {
  code: string;
  version: number;
  revision: number;
  /** Error-level findings nobody accepted yet: each needs a reason to publish. */
  openErrors: readonly Refusal[];
  error: unknown;
  isBusy: boolean;
  onDecide: (body: TransitionBody) => void;
}) {
  const today = dayjs(shanghaiDate(new Date()));
  const [date, setDate] = useState<Dayjs | null>(today);
  const [comments, setComments] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [isMissingComments, setIsMissingComments] = useState(false);
  // A refusal may name findings the report did not (rules comparing matters ran since): ask for those too.
  const refusals = refusalsOf(error);
  const known = new Set(openErrors.map(riskKey));
  const risks = [...openErrors, ...(isQualityRefusal(error) ? refusals.filter((r) => !known.has(riskKey(r))) : [])];
  const accepted = acceptedRisksOf(risks, reasons);
  const text = comments.trim();
  return (
    <Card title="审核决定" size="small" className="versions-card">
      {error !== null && (
        <RefusalList title={`未能完成：${(error as Error).message}`} refusals={refusals} code={code} version={version} />
      )}
      <Form layout="vertical">
        <Form.Item
          label="生效日期"
          htmlFor="review-effective-date"
          extra="今天发布即在政务服务网生效；选择以后的日期则到期生效。"
        >
          <DatePicker
            id="review-effective-date"
            value={date}
            onChange={setDate}
            allowClear={false}
            disabledDate={(day) => day.isBefore(today, 'day') || day.isAfter(today.add(3, 'year'), 'day')}
          />
        </Form.Item>
        <Form.Item
          label="审核意见"
          htmlFor="review-comments"
          {...(isMissingComments && !text ? { validateStatus: 'error' as const, help: '退回修改须写明审核意见' } : {})}
        >
          <Input.TextArea
            id="review-comments"
            rows={3}
            maxLength={2000}
            value={comments}
            onChange={(event) => setComments(event.target.value)}
          />
        </Form.Item>
        {risks.length > 0 && (
          <RiskReasons findings={risks} reasons={reasons} onChange={setReasons} code={code} version={version} />
        )}
        {risks.length > 0 && accepted.length < risks.length && (
          <Alert
            type="warning"
            showIcon
            className="page-alert"
            title={`还有 ${risks.length - accepted.length} 条错误未填写接受理由，不能发布`}
          />
        )}
        <Space wrap>
          <Button
            type="primary"
            loading={isBusy}
            disabled={accepted.length < risks.length}
            onClick={() =>
              onDecide({
                action: 'publish',
                revision,
                ...(date ? { effectiveDate: date.format('YYYY-MM-DD') } : {}),
                ...(text ? { comments: text } : {}),
                ...(accepted.length > 0 ? { acceptedRisks: accepted } : {}),
              })
            }
          >
            发布
          </Button>
          <Button
            danger
            className="versions-danger"
            loading={isBusy}
            onClick={() => {
              if (!text) setIsMissingComments(true);
              else onDecide({ action: 'return', revision, comments: text });
            }}
          >
            退回修改
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
