import { decisionTitle } from '@matterflow/schemas';
import type { CaseProgress } from './caseApi';
import { dateText, dateTimeText } from './eventKinds';
import { timelineEntries } from './timelineWords';
import { Link } from '../routing/Link';
import './caseProgress.css';

/** Where the case stands, in one sentence and what the applicant should do now. */
function Standing({ progress }: { progress: CaseProgress }) {
  if (progress.supplement)
    return (
      <div className="callout callout-attention" role="status">
        <p className="callout-title">窗口请您补正 {progress.supplement.items.length} 项内容</p>
        <ul className="supplement-summary">
          {progress.supplement.items.map((item) => (
            <li key={item.kind === 'material' ? `m:${item.materialId}` : `f:${item.pointer}`}>
              <strong>{item.name}</strong>：{item.reason}
            </li>
          ))}
        </ul>
        <p>补正后，窗口自收到之日起 5 个工作日内决定是否受理。</p>
        <Link
          className="button button-primary button-block"
          to={`/applications/${encodeURIComponent(progress.number)}/supplement`}
        >
          去补正
        </Link>
      </div>
    );
  const facts: [string, string][] = [];
  if (progress.acceptanceDue) facts.push(['受理期限', `${dateText(progress.acceptanceDue)}前决定是否受理`]);
  if (progress.acceptedOn) facts.push(['受理日期', dateText(progress.acceptedOn)]);
  if (progress.expected)
    facts.push([
      '预计办结',
      `${dateText(progress.expected.due)}${progress.expected.provisional ? '（暂定，节假日安排未公布）' : ''}`,
    ]);
  if (progress.decision)
    facts.push([
      '决定',
      progress.decision.outcome === 'approved'
        ? `准予许可${progress.decision.resultNumber ? `（${progress.decision.resultNumber}）` : ''}`
        : `不予许可${progress.decision.reason ? `：${progress.decision.reason}` : ''}`,
    ]);
  return (
    <>
      <dl className="facts">
        <div className="fact">
          <dt>办理状态</dt>
          <dd>{progress.statusLabel}</dd>
        </div>
        {facts.map(([term, value]) => (
          <div className="fact" key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {progress.decision && <DecisionLinks progress={progress} />}
    </>
  );
}

/** Once decided: the 决定书 to read and print, and the result (the licence) to download once attached. */
function DecisionLinks({ progress }: { progress: CaseProgress }) {
  const title = decisionTitle(progress.decision?.outcome ?? 'approved');
  return (
    <p className="decision-links">
      <Link className="button button-secondary" to={`/applications/${encodeURIComponent(progress.number)}/decision`}>
        查看并打印{title}
      </Link>
      {progress.result && (
        <a className="button button-secondary" href={`/api/files/${encodeURIComponent(progress.result.fileId)}`} download>
          下载许可结果：{progress.result.name}
        </a>
      )}
    </p>
  );
}

/** The case on the status page: its standing, and every step so far in plain words, newest first. */
export function CaseProgressSection({ progress }: { progress: CaseProgress }) {
  const entries = timelineEntries(progress.timeline);
  return (
    <>
      <section className="section" aria-labelledby="standing-heading">
        <h2 id="standing-heading">办理情况</h2>
        <Standing progress={progress} />
      </section>
      <section className="section" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">办理进度</h2>
        <ol className="timeline" aria-label="办理进度（最新在前）">
          {entries.map((entry, index) => (
            <li key={`${entry.at}/${index}`} className={`timeline-event tone-${entry.tone}`}>
              <span className="timeline-mark" aria-hidden="true">
                {entry.mark}
              </span>
              <div className="timeline-body">
                <p className="timeline-title">{entry.title}</p>
                <p className="timeline-meta">
                  <time dateTime={entry.at}>{dateTimeText(entry.at)}</time>
                </p>
                {entry.lines.map((line, n) => (
                  <p key={n} className="timeline-detail">
                    {line}
                  </p>
                ))}
              </div>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
