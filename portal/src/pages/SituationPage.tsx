import { formatDuration, type GuideAnswers, type MatterDocument, type TimeLimits } from '@matterflow/schemas';
import { portalApi, type Deadline } from '../api/portalApi';
import { LoadState } from '../components/LoadState';
import { projectTypeLabel, sceneVisitsLabel } from '../components/MatterBadges';
import { useAsync } from '../components/useAsync';
import { Link } from '../routing/Link';
import { navigate } from '../routing/useLocation';
import { composeChecklist, marksOf, submissionOf, type Checklist } from '../situations/composeChecklist';
import { GuideQuestions } from '../situations/GuideQuestions';
import { installConditions, loadConditionModule } from '../situations/installConditions';

interface Loaded {
  document: MatterDocument;
  version: number;
  name: string;
  calendar: { region: string; today: string } | undefined;
}

/** The document, with its conditions installed precompiled, and the centre's calendar. */
async function loadMatter(code: string): Promise<Loaded> {
  const matter = await portalApi.matter(code);
  const module = await loadConditionModule(portalApi.conditionsUrl(code, matter.version));
  installConditions(matter.document, module, matter.version);
  // The expected date is a help, not the notice: without the calendar the checklist still stands.
  const calendar = await portalApi.today().catch(() => undefined);
  return { document: matter.document, version: matter.version, name: matter.name, calendar };
}

function limitText(
  limit: { value?: number; unit?: string; unspecified?: boolean; asWritten?: string } | undefined,
): string | undefined {
  if (!limit) return undefined;
  if (limit.unspecified) return '法律未规定';
  if (limit.value === undefined) return undefined;
  if (limit.value === 0) return '当场办结';
  return limit.asWritten ?? formatDuration({ value: limit.value, unit: limit.unit });
}

const civilDateText = (date: string) => {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

function ExpectedDate({ limits, calendar }: { limits: TimeLimits | undefined; calendar: Loaded['calendar'] }) {
  const promised = limits?.promised;
  const isWorkdays = promised !== undefined && (promised.unit ?? 'workday') === 'workday' && (promised.value ?? 0) > 0;
  const key = isWorkdays && calendar ? `${calendar.region}/${calendar.today}/${promised?.value}` : 'none';
  const due = useAsync<Deadline | undefined>(
    () =>
      isWorkdays && calendar && promised?.value
        ? portalApi.deadline({ region: calendar.region, from: calendar.today, days: promised.value, unit: 'workday' })
        : Promise.resolve(undefined),
    key,
  );
  if (!isWorkdays || due.status !== 'done' || !due.value) return null;
  return (
    <div className="fact">
      <dt>预计办结日期</dt>
      <dd>
        {civilDateText(due.value.due)}前
        <span className="muted">（若今日受理，按承诺时限 {promised?.value} 个工作日、节假日顺延计算）</span>
        {due.value.provisional && <span className="muted">，该年度节假日尚未公布，日期暂定</span>}
      </dd>
    </div>
  );
}

/** The name of an applying (or assumed) situation, for the materials it adds. */
function situationName(checklist: Checklist, id: string): string {
  const all = [...checklist.situations, ...checklist.assumed.map((assumed) => assumed.situation)];
  return all.find((situation) => situation.id === id)?.name ?? id;
}

function ChecklistView({ checklist, calendar }: { checklist: Checklist; calendar: Loaded['calendar'] }) {
  const type = projectTypeLabel(checklist.projectType);
  const visits = sceneVisitsLabel(checklist.sceneVisits);
  return (
    <section className="checklist" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">您需要准备的材料（{checklist.materials.length} 项）</h2>
      {checklist.assumed.length > 0 && (
        <div className="callout">
          <p>以下清单按您的回答，并假定申请表将如此填写：</p>
          <ul className="plain-list">
            {checklist.assumed.map(({ situation, appliesWhen }) => (
              <li key={situation.id}>
                <strong>{situation.name}</strong>：{appliesWhen}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ol className="material-list">
        {checklist.materials.map((effective) => (
          <li key={effective.material.id} className="material">
            <h3 className="material-name">
              <span className="check-box" aria-hidden="true" />
              {effective.material.name}
            </h3>
            <p className="material-meta">
              {submissionOf(effective)}
              {effective.addedBy.length > 0 && (
                <span className="badge badge-situation">
                  {effective.addedBy.map((id) => situationName(checklist, id)).join('、')}需要
                </span>
              )}
              {marksOf(effective).map((mark) => (
                <span key={mark} className="badge badge-mark">
                  {mark}
                </span>
              ))}
            </p>
            {effective.material.acceptStandard && <p className="muted">受理标准：{effective.material.acceptStandard}</p>}
          </li>
        ))}
      </ol>
      {checklist.waived.length > 0 && (
        <p className="muted">本情形无需提交：{checklist.waived.map((waived) => waived.material.name).join('、')}</p>
      )}
      <h2>时限、次数与收费</h2>
      <dl className="facts">
        {limitText(checklist.timeLimits?.statutory) && (
          <div className="fact">
            <dt>法定办结时限</dt>
            <dd>{limitText(checklist.timeLimits?.statutory)}</dd>
          </div>
        )}
        {limitText(checklist.timeLimits?.promised) && (
          <div className="fact">
            <dt>承诺办结时限</dt>
            <dd>{limitText(checklist.timeLimits?.promised)}</dd>
          </div>
        )}
        <ExpectedDate limits={checklist.timeLimits} calendar={calendar} />
        {type && (
          <div className="fact">
            <dt>办件类型</dt>
            <dd>{type}</dd>
          </div>
        )}
        {visits && (
          <div className="fact">
            <dt>到办事现场次数</dt>
            <dd>
              {checklist.sceneVisits} 次（{visits}）
              {checklist.sceneVisitsReason && <span className="muted">：{checklist.sceneVisitsReason}</span>}
            </dd>
          </div>
        )}
        <div className="fact">
          <dt>收费</dt>
          <dd>
            {checklist.fees?.isFee
              ? (checklist.fees.items ?? []).map((item) => `${item.name}：${item.standard}`).join('；') || '收费'
              : '不收费'}
          </dd>
        </div>
        {checklist.commitment && (
          <div className="fact">
            <dt>告知承诺</dt>
            <dd>
              采用告知承诺方式办理，需签署承诺书
              {checklist.commitment.scope && <span className="muted">（{checklist.commitment.scope}）</span>}
            </dd>
          </div>
        )}
      </dl>
      {checklist.conflicts.length > 0 && (
        <p className="muted">提示：所选情形对部分要求规定不同，已按先列出的情形显示，请向窗口确认。</p>
      )}
      <button type="button" className="button button-secondary button-block no-print" onClick={() => window.print()}>
        打印材料清单
      </button>
    </section>
  );
}

/** 情形引导: the matter's guiding questions, and exactly the materials, limits, fees and visits for the answers. */
export function SituationPage({ code, query }: { code: string; query: URLSearchParams }) {
  const loaded = useAsync(() => loadMatter(code), code);
  return (
    <LoadState state={loaded}>
      {({ document, name, calendar }) => {
        const questions = document.guideQuestions ?? [];
        const answers: GuideAnswers = Object.fromEntries(
          questions.flatMap((q) => (query.get(q.id) ? [[q.id, query.get(q.id) as string]] : [])),
        );
        const checklist = composeChecklist(document, answers);
        const answer = (id: string, value: string) => {
          const next = new URLSearchParams(query);
          next.set(id, value);
          navigate(`/matters/${code}/situations?${next}`, { replace: true });
        };
        return (
          <article className="situations">
            <p className="breadcrumb no-print">
              <Link to={`/matters/${code}`}>返回办事指南</Link>
            </p>
            <h1 className="page-title">
              情形引导<span className="title-sub">{name}</span>
            </h1>
            <p className="print-only">材料清单（一次告知），打印于{calendar ? civilDateText(calendar.today) : ''}</p>
            {questions.length === 0 && <p className="notice">本事项不分办理情形，所需材料如下。</p>}
            <GuideQuestions questions={questions} answers={answers} onAnswer={answer} />
            {checklist.isComplete ? (
              <>
                <ChecklistView checklist={checklist} calendar={calendar} />
                {document.form && (
                  // The answers go along: the apply page starts from this very situation.
                  <p className="no-print">
                    <Link className="button button-primary button-block" to={`/matters/${code}/apply?${query}`}>
                      按此情形在线办理
                    </Link>
                  </p>
                )}
              </>
            ) : (
              <p className="notice" role="status">
                请回答以上 {checklist.unanswered.length} 个问题，即可看到您需要准备的材料。
              </p>
            )}
          </article>
        );
      }}
    </LoadState>
  );
}
