import { Card, Descriptions, Typography } from 'antd';
import { ToneTag } from '../components/StatusTag';
import type { CaseFile, CasePause } from './caseTypes';
import { procedureName, warningWords } from './clockWords';
import { chineseDate, daysLeftWords, LEVEL_TONES, shanghaiDateOf } from './caseWords';

const STATE_WORDS = { running: '计时中', paused: '暂停计时（特别程序）', stopped: '已停止（办结）' } as const;

const UNIT_WORDS = { workday: '个工作日', day: '日', month: '个月' } as const;

/** A pause of the ledger in words: the procedure, its days (both ends held), and its maximum. */
function pauseWords(file: CaseFile, pause: CasePause): string {
  const name = procedureName(file.document, pause.reason);
  const range = `${chineseDate(pause.from)}至${pause.to ? chineseDate(pause.to) : '今（进行中）'}`;
  const max = pause.max ? `，最长 ${pause.max.value} ${UNIT_WORDS[pause.max.unit]}，超过部分恢复计时` : '';
  return `${name}：${range}${max}`;
}

/** The case's warnings, each in its colour: the clock's rungs, 环节超时 and the supervision flags. */
function Warnings({ file }: { file: CaseFile }) {
  if (file.warnings.length === 0) return <>无</>;
  return (
    <ul className="clock-warnings">
      {file.warnings.map((warning) => {
        const { words, tone } = warningWords(warning);
        return (
          <li key={`${warning.rung}/${warning.taskId ?? ''}`}>
            <ToneTag tone={tone}>{words}</ToneTag> {chineseDate(shanghaiDateOf(warning.at))}
            {typeof warning.details.taskName === 'string' ? `（${warning.details.taskName}）` : ''}
          </li>
        );
      })}
    </ul>
  );
}

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
  const { pauses } = clock;
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
            label: '暂停计时',
            children:
              pauses.length === 0 ? (
                '无'
              ) : (
                <ul className="clock-pauses">
                  {pauses.map((pause) => (
                    <li key={`${pause.reason}/${pause.from}`}>{pauseWords(file, pause)}</li>
                  ))}
                </ul>
              ),
          },
          { key: 'warnings', label: '预警', children: <Warnings file={file} /> },
        ]}
      />
    </Card>
  );
}
