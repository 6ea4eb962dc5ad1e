import { intakeApi } from '../api/intakeApi';
import { dateText, dateTimeText } from '../applications/eventKinds';
import { useSignedIn, whenSignedIn } from '../apply/useSignedIn';
import { FeeTable } from '../components/FeeTable';
import { LoadState } from '../components/LoadState';
import { useAsync } from '../components/useAsync';
import { Link } from '../routing/Link';
import '../styles/applications.css';

async function loadReceipt(number: string) {
  const application = await intakeApi.application(number);
  // The platform states the limit for this application's situations.
  return { application, limit: application.promisedLimit ?? undefined };
}

/**
 * How each material was handed in. The words of `REQUIREMENT_LABELS`, kept here because importing
 * that module brings the situation resolver and Ajv's compiler (42 KB gzip) onto a page that
 * resolves nothing.
 */
const REQUIREMENTS: Record<string, string> = {
  required: '必须提交',
  optional: '可选',
  tolerated: '容缺后补',
  fetched: '免提交（由窗口调取）',
  filled: '在线填写',
};
const requirementText = (requirement: string) => REQUIREMENTS[requirement] ?? requirement;

/** 材料接收凭证: what the centre received, when and from whom, printable on one A4 sheet. */
export function ReceiptPage({ number }: { number: string }) {
  const session = useSignedIn();
  const loaded = useAsync(() => whenSignedIn(session, () => loadReceipt(number)), `${number}/${session.status}`);
  return (
    <LoadState state={loaded}>
      {({ application, limit }) => (
        <article className="receipt" aria-labelledby="receipt-title">
          <p className="breadcrumb no-print">
            <Link to={`/applications/${encodeURIComponent(number)}`}>办件详情</Link> · <Link to="/applications">我的办件</Link>
          </p>
          <p className="notice notice-success no-print" role="status">
            申请已提交，请记下申请编号。可打印本凭证，或随时在“我的办件”中查看进度。
          </p>
          <div className="receipt-sheet">
            <p className="receipt-issuer">云溪县人民政府政务服务中心</p>
            <h1 id="receipt-title" className="receipt-title">
              材料接收凭证
            </h1>
            <dl className="receipt-facts">
              <div>
                <dt>申请编号</dt>
                <dd className="receipt-number">{application.number}</dd>
              </div>
              <div>
                <dt>申请事项</dt>
                <dd>{application.matterName}</dd>
              </div>
              <div>
                <dt>申请人</dt>
                <dd>
                  {application.applicant.name}（身份证号 {application.applicant.idNumberMasked}）
                </dd>
              </div>
              {application.filedBy && (
                <div>
                  <dt>代办</dt>
                  <dd>
                    {application.filedBy.departmentName ?? ''} {application.filedBy.displayName}
                  </dd>
                </div>
              )}
              <div>
                <dt>接收日期</dt>
                <dd>
                  {dateText(application.receivedOn)}
                  <span className="muted">（提交时间 {dateTimeText(application.submittedAt)}）</span>
                </dd>
              </div>
              {limit && (
                <div>
                  <dt>办理时限</dt>
                  <dd>{limit}（自受理之日起计算）</dd>
                </div>
              )}
            </dl>
            <h2 className="receipt-heading">已接收材料</h2>
            <table className="receipt-table">
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">材料名称</th>
                  <th scope="col">提交方式</th>
                  <th scope="col">文件</th>
                </tr>
              </thead>
              <tbody>
                {application.materials.map((material, index) => (
                  <tr key={material.materialId}>
                    <td>{index + 1}</td>
                    <td className="receipt-material">{material.name}</td>
                    <td data-label="提交方式">{requirementText(material.requirement)}</td>
                    <td data-label="文件">
                      {material.files.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <>
                          <span className="receipt-count">{material.files.length} 个文件：</span>
                          {material.files.map((file) => file.name).join('、')}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {application.fees && application.fees.lines.length > 0 && (
              <>
                <h2 className="receipt-heading">应缴费用</h2>
                <FeeTable fees={application.fees} />
              </>
            )}
            <p className="receipt-note">
              本凭证仅证明已收到上述申请材料，不代表已受理。受理或需补正的，将通过“我的办件”及短信告知。
            </p>
            <div className="receipt-seal">
              <div className="seal-box" aria-label="受理单位盖章处">
                受理单位（盖章）
              </div>
              <p>日期：{dateText(application.receivedOn)}</p>
            </div>
          </div>
          <button type="button" className="button button-primary button-block no-print" onClick={() => window.print()}>
            打印
          </button>
        </article>
      )}
    </LoadState>
  );
}
