import { Alert, Button, Result, Space, Spin } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api';
import { useStaffUser } from '../session/SessionProvider';
import { useLoad } from '../useLoad';
import { loadCaseFile, loadShortName } from './loadCaseFile';
import { buildNotice, isNoticeKind, type Notice } from './notices';
import './notice.css';

/** One A4 page: heading, 文号, addressee and body, the table, remedies, the seal area and the date. */
function NoticeSheet({ notice }: { notice: Notice }) {
  return (
    <article className="notice-sheet" aria-label={notice.title}>
      <p className="notice-issuer">{notice.issuer}</p>
      <h1 className="notice-title">{notice.title}</h1>
      <p className="notice-number">{notice.docNumber}</p>
      <dl className="notice-facts">
        <div>
          <dt>办件编号</dt>
          <dd>{notice.caseNumber}</dd>
        </div>
        <div>
          <dt>申请事项</dt>
          <dd>{notice.matterName}</dd>
        </div>
        <div>
          <dt>申请人</dt>
          <dd>{notice.applicantName}</dd>
        </div>
      </dl>
      {notice.paragraphs.map((paragraph) =>
        paragraph.split('\n').map((line, n) => (
          <p key={`${paragraph}-${n}`} className={n === 0 && paragraph.includes('\n') ? 'notice-addressee' : 'notice-paragraph'}>
            {line}
          </p>
        )),
      )}
      {notice.table && (
        <table className="notice-table">
          <thead>
            <tr>
              {notice.table.head.map((cell) => (
                <th key={cell} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {notice.table.rows.map((row) => (
              <tr key={row.join('|')}>
                {row.map((cell, n) => (
                  <td key={`${n}-${cell}`}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notice.closing?.map((line) => (
        <p key={line} className="notice-paragraph">
          {line}
        </p>
      ))}
      {notice.remedies && (
        <section className="notice-remedies" aria-label="救济途径">
          {notice.remedies.map((line) => (
            <p key={line} className="notice-paragraph">
              {line}
            </p>
          ))}
        </section>
      )}
      <footer className="notice-footer">
        <div className="notice-seal" aria-label="盖章处">
          （盖章）
        </div>
        <p>{notice.issuer}</p>
        <p>{notice.date}</p>
      </footer>
    </article>
  );
}

/**
 * A print route per notice, outside the app's shell: the page is the sheet and a toolbar that does
 * not print. `@page { size: A4 }` sets the paper; the sheet is sized to it on screen too.
 */
/** Who may read a case (the platform's rule): the notice page is outside the shell that checks screens. */
const CASE_READERS = ['window', 'reviewer', 'chief', 'dept_admin', 'legal', 'supervisor'];

export function NoticePage() {
  const user = useStaffUser();
  return CASE_READERS.includes(user.role) ? <NoticeOfCase /> : <Result status="403" title="无权访问" />;
}

function NoticeOfCase() {
  const { number = '', kind } = useParams();
  const loaded = useLoad(async () => {
    const file = await loadCaseFile(number);
    const shortName = await loadShortName(file.case.departmentCode);
    return isNoticeKind(kind) ? buildNotice(file, kind, shortName) : undefined;
  }, [number, kind]);
  const notice = loaded.value;
  useEffect(() => {
    if (notice) document.title = `${notice.title} ${notice.caseNumber} - 事项通`;
  }, [notice]);
  const back = <Link to={`/cases/${number}`}>返回办件</Link>;
  if (loaded.status === 'loading')
    return (
      <div className="centered">
        <Spin description="正在生成文书…">
          <div className="spin-space" />
        </Spin>
      </div>
    );
  if (loaded.status === 'failed')
    return loaded.error instanceof ApiError && [403, 404].includes(loaded.error.status) ? (
      <Result status="404" title="办件不存在或无权查看" extra={back} />
    ) : (
      <Alert type="error" showIcon title={loaded.error.message} />
    );
  if (!notice) return <Result status="404" title="该办件没有这份文书" extra={back} />;
  return (
    <main className="notice-page">
      <Space className="notice-toolbar" wrap>
        <Button type="primary" onClick={() => window.print()}>
          打印
        </Button>
        {back}
      </Space>
      <NoticeSheet notice={notice} />
    </main>
  );
}
