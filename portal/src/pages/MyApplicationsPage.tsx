import { intakeApi } from '../api/intakeApi';
import { dateText, dateTimeText, statusBadge } from '../applications/eventKinds';
import { LoadState } from '../components/LoadState';
import { useAsync } from '../components/useAsync';
import { Link } from '../routing/Link';
import { useSignedIn, whenSignedIn } from '../apply/useSignedIn';
import '../styles/applications.css';

async function loadMine() {
  const [applications, drafts] = await Promise.all([intakeApi.applications(), intakeApi.drafts()]);
  return { applications: applications.items, drafts: drafts.items };
}

/** 我的办件: drafts to finish, then every application with where it stands. */
export function MyApplicationsPage() {
  const session = useSignedIn();
  const loaded = useAsync(() => whenSignedIn(session, loadMine), session.status);
  return (
    <>
      <h1 className="page-title">我的办件</h1>
      <LoadState state={loaded}>
        {({ applications, drafts }) => (
          <>
            {drafts.length > 0 && (
              <section className="section" aria-labelledby="drafts-heading">
                <h2 id="drafts-heading">未提交的申请（{drafts.length}）</h2>
                <ul className="cards">
                  {drafts.map((draft) => (
                    <li key={draft.id} className="card">
                      <h3 className="card-title">
                        <Link to={`/drafts/${encodeURIComponent(draft.id)}`}>
                          继续填写<span className="visually-hidden">：</span>
                          <span className="card-title-sub">{draft.matterName}</span>
                        </Link>
                      </h3>
                      {draft.isOnBehalf && <p className="card-meta">代办：{draft.applicantName}</p>}
                      <p className="card-meta">上次保存 {dateTimeText(draft.updatedAt)}</p>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section className="section" aria-labelledby="applications-heading">
              <h2 id="applications-heading">已提交的申请（{applications.length}）</h2>
              {applications.length === 0 ? (
                <p className="muted">
                  还没有提交过申请。<Link to="/">去查找事项</Link>
                </p>
              ) : (
                <ul className="cards">
                  {applications.map((application) => {
                    const badge = statusBadge(application.status, application.statusLabel);
                    return (
                      <li key={application.number} className="card">
                        <h3 className="card-title">
                          <Link to={`/applications/${encodeURIComponent(application.number)}`}>{application.matterName}</Link>
                        </h3>
                        <p className="card-meta application-number">
                          申请编号 <span className="number">{application.number}</span>
                        </p>
                        <p className="card-meta">
                          <span className={`status-badge tone-${badge.tone}`}>{badge.label}</span>{' '}
                          {dateText(application.submittedAt)}
                        </p>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          </>
        )}
      </LoadState>
    </>
  );
}
