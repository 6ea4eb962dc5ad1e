import { Card, Descriptions, Typography } from 'antd';
import { ToneTag } from '../components/StatusTag';
import type { CaseFile } from './caseTypes';
import { chineseDate, daysLeftWords, LEVEL_TONES, shanghaiDateOf } from './caseWords';

const STATE_WORDS = { running: '计时中', paused: '暂停计时（特别程序）', stopped: '已停止（办结）' } as const;

/** Pauses of the clock as the timeline records them (special procedures: 听证、检验检测 …). */
const pausesOf = (file: CaseFile) =>
  file.events.filter((event) => typeof event.details.procedure === 'string' || event.type.includes('procedure'));

/**
 * The case's clock as the platform derives it: before 受理 the acceptance deadline, after it the
 * due day, the working days left with the warning colour, and the pauses it has had.
 */
export function CaseClock({ file }: { file: CaseFile }) {
  const { clock, acceptanceDue } = file.case;
  if (!clock)
    return (
      <Card title="时限" size="small">
        {acceptanceDue ? (
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'due', label: '受理期限', children: chineseDate(acceptanceDue) },
              {
                key: 'rule',
                label: '说明',
                children: '收到申请之日起 5 个工作日内作出受理决定，逾期自收到之日起视为受理（行政许可法第三十二条）',
              },
            ]}
          />
        ) : (
          <Typography.Text>该办件不计时。</Typography.Text>
        )}
      </Card>
    );
  const pauses = pausesOf(file);
  return (
    <Card title="时限" size="small">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'due',
            label: '办结期限',
            children: `${chineseDate(clock.due)}${clock.provisional ? '（暂定：日历尚未发布）' : ''}`,
          },
          {
            key: 'left',
            label: '剩余',
            // A stopped clock answers as of its stop day: what is left then no longer matters, only whether it was late.
            children:
              clock.state === 'stopped' ? (
                <ToneTag tone={clock.level === 'overdue' ? 'error' : 'success'}>
                  {clock.level === 'overdue' ? '超期办结' : '按期办结'}
                </ToneTag>
              ) : (
                <ToneTag tone={LEVEL_TONES[clock.level]}>{daysLeftWords(clock.workdaysLeft, clock.level)}</ToneTag>
              ),
          },
          { key: 'used', label: '已用', children: `${clock.workdaysUsed} / ${clock.budgetWorkdays} 个工作日` },
          { key: 'started', label: '受理日', children: `${chineseDate(clock.startedOn)}（次日起算）` },
          { key: 'state', label: '状态', children: STATE_WORDS[clock.state] },
          {
            key: 'pauses',
            label: '暂停',
            children:
              pauses.length === 0
                ? '无'
                : pauses.map((event) => `${event.title}（${chineseDate(shanghaiDateOf(event.at))}）`).join('；'),
          },
        ]}
      />
    </Card>
  );
}
