import { intakeApi } from '../api/intakeApi';
import { caseApi, type CaseProgress } from '../applications/caseApi';
import { decisionNotice } from '../applications/decisionNotice';
import { dateText } from '../applications/eventKinds';
import { useSignedIn, whenSignedIn } from '../apply/useSignedIn';
import { LoadState } from '../components/LoadState';
import { useAsync } from '../components/useAsync';
import { Link } from '../routing/Link';
import '../styles/applications.css';

async function loadDecision(number: string) {
  const [application, progress] = await Promise.all([intakeApi.application(number), caseApi.progress(number)]);
  return { application, progress };
}

function ResultDownload({ result }: { result: NonNullable<CaseProgress['result']> }) {
  return (
    <p className="no-print">
      <a className="button button-secondary button-block" href={`/api/files/${encodeURIComponent(result.fileId)}`} download>
        下载许可结果：{result.name}
      </a>
    </p>
  );
}

/**
 * 准予 / 不予行政许可决定书 as the applicant downloads it: the decision the chief recorded, on one
 * A4 sheet to print or save as PDF, with the result file (the licence) beside it once attached.
 */
export function DecisionPage({ number }: { number: string }) {
  const session = useSignedIn();
  const loaded = useAsync(() => whenSignedIn(session, () => loadDecision(number)), `${number}/${session.status}`);
  return (
    <LoadState state={loaded}>
      {({ application, progress }) => {
        const notice = decisionNotice(application, progress);
        return (
          <article className="receipt" aria-labelledby="decision-title">
            <p className="breadcrumb no-print">
              <Link to={`/applications/${encodeURIComponent(number)}`}>办件详情</Link> · <Link to="/applications">我的办件</Link>
            </p>
            {!notice ? (
              <>
                <h1 id="decision-title" className="page-title">
                  行政许可决定书
                </h1>
                <p className="notice" role="status">
                  本件尚未作出许可决定。作出决定后，可在此查看并打印决定书。
                </p>
              </>
            ) : (
              <>
                <div className="receipt-sheet decision-sheet">
                  <p className="receipt-issuer">{notice.issuer}</p>
                  <h1 id="decision-title" className="receipt-title">
                    {notice.title}
                  </h1>
                  <p className="decision-doc-number">{notice.docNumber}</p>
                  <dl className="receipt-facts">
                    <div>
                      <dt>办件编号</dt>
                      <dd className="receipt-number">{notice.caseNumber}</dd>
                    </div>
                    <div>
                      <dt>申请事项</dt>
                      <dd>{notice.matterName}</dd>
                    </div>
                    <div>
                      <dt>申请人</dt>
                      <dd>{notice.applicantName}</dd>
                    </div>
                    <div>
                      <dt>决定日期</dt>
                      <dd>{dateText(notice.decidedOn)}</dd>
                    </div>
                  </dl>
                  {/* The addressee's line (up to the first line break) stands flush, as on the window's print. */}
                  {notice.paragraphs.map((paragraph) =>
                    paragraph.split('\n').map((line, n) => (
                      <p
                        key={`${paragraph}-${n}`}
                        className={n === 0 && paragraph.includes('\n') ? 'decision-addressee' : 'decision-paragraph'}
                      >
                        {line}
                      </p>
                    )),
                  )}
                  {notice.remedies.length > 0 && (
                    <>
                      <h2 className="receipt-heading">救济途径</h2>
                      {notice.remedies.map((remedy) => (
                        <p key={remedy} className="decision-paragraph">
                          {remedy}
                        </p>
                      ))}
                    </>
                  )}
                  <div className="receipt-seal">
                    <div className="seal-box" aria-label="行政机关盖章处">
                      {notice.issuer}
                      <br />
                      （盖章）
                    </div>
                    <p>{dateText(notice.decidedOn)}</p>
                  </div>
                </div>
                {progress.result && <ResultDownload result={progress.result} />}
                <button type="button" className="button button-primary button-block no-print" onClick={() => window.print()}>
                  打印决定书
                </button>
              </>
            )}
          </article>
        );
      }}
    </LoadState>
  );
}
