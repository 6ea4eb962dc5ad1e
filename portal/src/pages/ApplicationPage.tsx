import { intakeApi, type ApplicationEvent } from '../api/intakeApi';
import { caseApi } from '../applications/caseApi';
import { CaseProgressSection } from '../applications/CaseProgressSection';
import { dateText, dateTimeText, eventKind, statusBadge } from '../applications/eventKinds';
import { useSignedIn, whenSignedIn } from '../apply/useSignedIn';
import { LoadState } from '../components/LoadState';
import { useAsync } from '../components/useAsync';
import { Link } from '../routing/Link';
import '../styles/applications.css';

function Timeline({ events }: { events: readonly ApplicationEvent[] }) {
  // Newest first: the applicant comes to see what happened last.
  const ordered = [...events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="timeline" aria-label="办理进度（最新在前）">
      {ordered.map((event, index) => {
        const kind = eventKind(event.type);
        return (
          <li key={`${event.at}/${event.type}/${index}`} className={`timeline-event tone-${kind.tone}`}>
            <span className="timeline-mark" aria-hidden="true">
              {kind.mark}
            </span>
            <div className="timeline-body">
              <p className="timeline-title">{event.title}</p>
              <p className="timeline-meta">
                <time dateTime={event.at}>{dateTimeText(event.at)}</time>
                {event.actor && <span> · {event.actor}</span>}
              </p>
              {event.detail && <p className="timeline-detail">{event.detail}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** One application: what was filed, where it stands, and every event of its case so far. */
export function ApplicationPage({ number }: { number: string }) {
  const session = useSignedIn();
  const loaded = useAsync(() => whenSignedIn(session, () => intakeApi.application(number)), `${number}/${session.status}`);
  // The case's own read, in the applicant's words; a filer who is not the applicant keeps the events.
  const progress = useAsync(
    () => whenSignedIn(session, () => caseApi.progress(number).catch(() => null)),
    `${number}/${session.status}/progress`,
  );
  const isSupplemented = new URLSearchParams(window.location.search).has('supplemented');
  return (
    <LoadState state={loaded}>
      {(application) => {
        // Once a case is open, its status is the one that counts (待补正, 审查中 …).
        const current = progress.status === 'done' && progress.value ? progress.value : application;
        const badge = statusBadge(current.status, current.statusLabel);
        const fileCount = application.materials.reduce((sum, material) => sum + material.files.length, 0);
        return (
          <article className="application">
            <p className="breadcrumb">
              <Link to="/applications">我的办件</Link>
            </p>
            <h1 className="page-title">
              {application.matterName}
              <span className="title-sub">申请编号 {application.number}</span>
            </h1>
            <p>
              <span className={`status-badge tone-${badge.tone}`}>{badge.label}</span>
            </p>
            <dl className="facts section">
              <div className="fact">
                <dt>申请人</dt>
                <dd>
                  {application.applicant.name}（{application.applicant.idNumberMasked}）
                </dd>
              </div>
              <div className="fact">
                <dt>接收日期</dt>
                <dd>{dateText(application.receivedOn)}</dd>
              </div>
              <div className="fact">
                <dt>材料</dt>
                <dd>
                  {application.materials.length} 项，共 {fileCount} 个文件
                </dd>
              </div>
            </dl>
            <p>
              <Link className="button button-secondary" to={`/applications/${encodeURIComponent(application.number)}/receipt`}>
                查看并打印材料接收凭证
              </Link>
            </p>
            {isSupplemented && current.status === 'received' && (
              <p className="notice notice-success" role="status">
                补正材料已提交，窗口将在 5 个工作日内决定是否受理。
              </p>
            )}
            {progress.status === 'done' && progress.value ? (
              <CaseProgressSection progress={progress.value} />
            ) : (
              <section className="section" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">办理进度</h2>
                <Timeline events={application.events} />
              </section>
            )}
          </article>
        );
      }}
    </LoadState>
  );
}
