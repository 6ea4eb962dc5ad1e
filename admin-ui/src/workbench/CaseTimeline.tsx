import { Card, Timeline, Typography } from 'antd';
import type { CaseEvent, CaseFile, SupplementItem } from './caseTypes';
import { shanghaiDateTime } from './caseWords';
import { itemName } from './notices';

/** What an event recorded, in a line: the refusal's reason, the items of a 补正. */
function detailOf(file: CaseFile, event: CaseEvent): string | null {
  const { details } = event;
  if (event.type === 'case_refused') {
    const body = typeof details.competentBody === 'string' ? `；请向${details.competentBody}申请` : '';
    const text = typeof details.reasonText === 'string' ? `：${details.reasonText}` : '';
    return `${String(details.reasonLabel ?? '')}${text}${body}`;
  }
  if (event.type === 'case_supplement_requested' && Array.isArray(details.items)) {
    const items = (details.items as SupplementItem[]).map((item) => `${itemName(file.document, item)}（${item.reason}）`);
    return `${details.isRepeated ? `第 ${String(details.noticeNumber)} 次告知，` : ''}${items.join('；')}`;
  }
  return typeof details.comment === 'string' ? details.comment : null;
}

const COLORS: Record<string, string> = { case_refused: 'red', case_supplement_requested: 'orange' };

/** The case's history, oldest first, with who acted and when (Asia/Shanghai). */
export function CaseTimeline({ file }: { file: CaseFile }) {
  return (
    <Card title="办理记录" size="small">
      <Timeline
        items={file.events.map((event, n) => {
          const detail = detailOf(file, event);
          return {
            key: `${event.at}-${n}`,
            color: COLORS[event.type] ?? 'blue',
            content: (
              <>
                <Typography.Text strong>{event.title}</Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {shanghaiDateTime(event.at)}
                  {event.actorName ? ` · ${event.actorName}` : ''}
                </Typography.Text>
                {detail && <Typography.Paragraph className="timeline-detail">{detail}</Typography.Paragraph>}
              </>
            ),
          };
        })}
      />
    </Card>
  );
}
