import { formatDuration } from '@matterflow/schemas';
import { portalApi, type Guide } from '../api/portalApi';
import { Facts } from '../components/Facts';
import { LoadState } from '../components/LoadState';
import { MatterBadges } from '../components/MatterBadges';
import { Tabs, type Tab } from '../components/Tabs';
import { useAsync } from '../components/useAsync';
import { Link } from '../routing/Link';
import { navigate } from '../routing/useLocation';

const TAB_IDS = ['basic', 'materials', 'procedure', 'fees', 'faq'] as const;
type TabId = (typeof TAB_IDS)[number];

function BasicInfo({ guide }: { guide: Guide }) {
  const { basicInfo, serviceContent, timeLimits, channels, contact, result, legalBasis } = guide;
  return (
    <>
      <h2>{basicInfo.title}</h2>
      <Facts
        items={[
          ['事项类型', basicInfo.type],
          ['实施主体', basicInfo.department],
          ['受理机关', basicInfo.acceptingBody],
          ['决定机关', basicInfo.decidingBody !== basicInfo.acceptingBody ? basicInfo.decidingBody : null],
          ['服务对象', serviceContent.serviceObjects.join('、')],
          ['办件类型', serviceContent.projectType],
          ['受理条件', serviceContent.acceptCondition],
          ['实施编码', basicInfo.code],
        ]}
      />
      <h3>{timeLimits.title}</h3>
      <Facts
        items={[
          ['法定办结时限', timeLimits.statutory],
          ['承诺办结时限', timeLimits.promised],
          ['起算', timeLimits.anchor],
          ['说明', timeLimits.note],
        ]}
      />
      <h3>{channels.title}</h3>
      <Facts
        items={[
          ['到办事现场次数', channels.sceneVisitsText],
          ['原因', channels.sceneVisitsReason],
        ]}
      />
      <h3>{result.title}</h3>
      <Facts
        items={[
          ['结果名称', result.name],
          ['结果类型', result.type],
        ]}
      />
      <h3>{contact.title}</h3>
      <Facts
        items={[
          ['办理地点', contact.address],
          ['办理时间', contact.hours],
          ...contact.consult.map((channel): [string, string] => [`咨询（${channel.kind}）`, channel.detail]),
        ]}
      />
      <h3>{legalBasis.title}</h3>
      <ul className="plain-list">
        {legalBasis.items.map((item, i) => (
          <li key={i}>
            {item.citation}
            <span className="muted">（{item.role}）</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function Materials({ guide, hasQuestions }: { guide: Guide; hasQuestions: boolean }) {
  return (
    <>
      <h2>{guide.materials.title}</h2>
      <p className="muted">{guide.materials.note}</p>
      {hasQuestions && (
        <p className="callout">
          材料因办理情形而异。<Link to={`/matters/${guide.code}/situations`}>回答几个问题，查看您需要的材料</Link>
        </p>
      )}
      <ol className="material-list">
        {guide.materials.items.map((material) => (
          <li key={material.id} className="material">
            <h3 className="material-name">{material.name}</h3>
            <p className="material-meta">
              {material.submission}
              {material.mark && <span className="badge badge-mark">{material.mark}</span>}
            </p>
            {material.appliesWhen && <p className="muted">适用：{material.appliesWhen}</p>}
            {material.acceptStandard && <p className="muted">受理标准：{material.acceptStandard}</p>}
          </li>
        ))}
      </ol>
      {guide.situations.length > 0 && (
        <>
          <h3>办理情形</h3>
          <ul className="plain-list">
            {guide.situations.map((situation) => (
              <li key={situation.id}>
                <strong>{situation.name}</strong>
                {situation.appliesWhen && <span className="muted">（{situation.appliesWhen}）</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Procedure({ guide }: { guide: Guide }) {
  return (
    <>
      <h2>{guide.procedure.title}</h2>
      {guide.procedure.description && <p>{guide.procedure.description}</p>}
      <ol className="steps">
        {guide.procedure.steps.map((step, i) => (
          <li key={i} className="step">
            <span className="step-name">{step.name}</span>
            <span className="muted">
              {step.role}
              {step.budgetDays > 0 ? ` · ${formatDuration({ value: step.budgetDays, unit: 'workday' })}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

function Fees({ guide }: { guide: Guide }) {
  const { fees } = guide;
  return (
    <>
      <h2>{fees.title}</h2>
      <p className="lead-fact">{fees.summary}</p>
      {fees.items.length > 0 && (
        <ul className="plain-list">
          {fees.items.map((item, i) => (
            <li key={i}>
              <strong>{item.name}</strong>：{item.standard}
              {item.appliesWhen && <span className="muted">（{item.appliesWhen}）</span>}
              {item.waiver && <p className="muted">减免：{item.waiver}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Questions({ guide }: { guide: Guide }) {
  return (
    <>
      <h2>常见问题</h2>
      {guide.questions.length === 0 ? (
        <p className="muted">暂无常见问题。如有疑问，请按“基本信息”中的咨询方式联系。</p>
      ) : (
        <dl className="faq">
          {guide.questions.map((item, i) => (
            <div key={i}>
              <dt>{item.question}</dt>
              <dd>{item.answer}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

/** The 办事指南 of one matter in tabs, the way citizens know it from the national portals. */
export function GuidePage({ code, query }: { code: string; query: URLSearchParams }) {
  const guide = useAsync(() => portalApi.guide(code), code);
  const matter = useAsync(() => portalApi.matter(code), code);
  const requested = query.get('tab');
  const selected: TabId = TAB_IDS.find((id) => id === requested) ?? 'basic';
  const select = (id: string) => navigate(id === 'basic' ? `/matters/${code}` : `/matters/${code}?tab=${id}`, { replace: true });
  return (
    <LoadState state={guide}>
      {(value) => {
        const document = matter.status === 'done' ? matter.value.document : undefined;
        const hasQuestions = (document?.guideQuestions?.length ?? 0) > 0;
        const tabs: Tab[] = [
          { id: 'basic', label: '基本信息', content: <BasicInfo guide={value} /> },
          { id: 'materials', label: '申请材料', content: <Materials guide={value} hasQuestions={hasQuestions} /> },
          { id: 'procedure', label: '办理流程', content: <Procedure guide={value} /> },
          { id: 'fees', label: '收费', content: <Fees guide={value} /> },
          { id: 'faq', label: '常见问题', content: <Questions guide={value} /> },
        ];
        return (
          <article className="guide">
            <h1 className="page-title">{value.name}</h1>
            <p className="card-meta">{value.basicInfo.department}</p>
            <MatterBadges projectType={document?.projectType} sceneVisits={document?.online?.sceneVisits} />
            <div className="actions">
              {document?.form ? (
                <Link className="button button-primary button-block" to={`/matters/${code}/apply`}>
                  在线办理
                </Link>
              ) : (
                <>
                  <button type="button" className="button button-primary button-block" disabled aria-describedby="apply-note">
                    在线办理
                  </button>
                  <p id="apply-note" className="muted apply-note">
                    本事项暂未开通在线申请，可查看材料清单后到窗口办理。
                  </p>
                </>
              )}
              {hasQuestions && (
                <Link className="button button-secondary button-block" to={`/matters/${code}/situations`}>
                  情形引导：我要准备什么
                </Link>
              )}
              <a className="button button-link" href={portalApi.guideHtmlUrl(code)}>
                打印办事指南（A4）
              </a>
            </div>
            <Tabs tabs={tabs} selected={selected} onSelect={select} label="办事指南" />
          </article>
        );
      }}
    </LoadState>
  );
}
