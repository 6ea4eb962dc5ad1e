import { Alert, Button, Result, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, queryOf } from '../api/api';
import type { QualityReport } from '../catalog/catalogTypes';
import { StatusTag } from '../components/StatusTag';
import { useStaffUser } from '../session/SessionProvider';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import { DiffPanel } from '../versions/DiffPanel';
import { ImpactCard } from '../versions/ImpactCard';
import { MatterFacts } from '../versions/MatterFacts';
import { shanghaiDate } from '@matterflow/schemas';
import { useMatterVersions } from '../versions/useMatterVersions';
import { useTransition, type TransitionBody } from '../versions/useTransition';
import { versionInForce } from '../versions/versionRules';
import type { VersionSummary } from '../versions/versionTypes';
import { DecisionCard } from './DecisionCard';
import { FindingsCard, type Severity } from './FindingsCard';

/**
 * Legal's review of one version: what changed against the version in force, in words; whom it
 * touches (the impact on recent applications); its quality findings; then publish or send back.
 * Once published the portal serves it at once (the platform drops its cached reads on every write).
 */
export function ReviewPage() {
  const { code = '', version: versionParam = '' } = useParams();
  const number = Number(versionParam);
  const user = useStaffUser();
  const today = shanghaiDate(new Date());
  const { versions, departmentName } = useMatterVersions(code);
  const current = versions.value?.find((v) => v.version === number);
  const departmentCode = current?.departmentCode;
  const quality = useLoad(
    () =>
      departmentCode
        ? api.get<QualityReport>(`/api/catalog/quality${queryOf({ department: departmentCode })}`)
        : Promise.resolve(undefined),
    [departmentCode],
  );
  const transition = useTransition(code);
  const [decided, setDecided] = useState<VersionSummary | null>(null);

  const severities = new Map((quality.value?.rules ?? []).map((rule) => [rule.rule, rule.severity]));
  const severityOf = (rule: string): Severity => severities.get(rule) ?? 'warning';
  const findings = (quality.value?.findings ?? []).filter((f) => f.code === code && f.version === number);
  const openErrors = findings
    .filter((f) => !f.accepted && severityOf(f.rule) === 'error')
    .map((f) => ({ pointer: f.pointer, code: f.rule, message: f.message }));
  const inForce = versionInForce(versions.value ?? [], today);
  const name = current?.name ?? code;

  async function decide(body: TransitionBody) {
    const done = await transition.run(body);
    if (done) setDecided(done);
  }

  if (decided)
    return (
      <PageFrame title={name} crumbs={[{ title: '审核队列', to: '/review' }, { title: name }]}>
        {decided.status === 'draft' ? (
          <Result
            status="info"
            title={`第 ${number} 版已退回修改`}
            subTitle="部门管理员会在事项页看到审核意见。"
            extra={<QueueLink />}
          />
        ) : (
          <Result
            status="success"
            title={`第 ${number} 版已发布`}
            subTitle={
              decided.effectiveFrom && decided.effectiveFrom > today
                ? `将于 ${decided.effectiveFrom} 生效，此前仍按现行版本办理。`
                : '已生效：政务服务网即刻按新版本提供办事指南与申请。'
            }
            extra={
              <Space wrap>
                <Button type="primary" href={`/matters/${code}`} target="_blank">
                  在政务服务网查看办事指南
                </Button>
                <QueueLink />
              </Space>
            }
          />
        )}
      </PageFrame>
    );

  return (
    <PageFrame
      title={`审核：${name}`}
      crumbs={[{ title: '审核队列', to: '/review' }, { title: `${name} 第 ${number} 版` }]}
      extra={<Link to={`/matters/${code}`}>全部版本</Link>}
    >
      {versions.status === 'failed' && <Alert type="error" showIcon title={versions.error.message} className="page-alert" />}
      {versions.status === 'ready' && !current && (
        <Alert type="error" showIcon title={`没有第 ${number} 版`} className="page-alert" />
      )}
      {current && (
        <>
          <MatterFacts
            code={code}
            departmentName={departmentName}
            items={[
              { key: 'status', label: `第 ${number} 版`, children: <StatusTag status={current.status} /> },
              {
                key: 'submitted',
                label: '提交时间',
                children: current.submittedAt ? dayjs(current.submittedAt).format('YYYY年M月D日 HH:mm') : '—',
              },
              { key: 'inForce', label: '现行版本', children: inForce ? `第 ${inForce.version} 版` : '无（首次发布）' },
            ]}
          />
          {current.status !== 'in_review' && (
            <Alert type="info" showIcon className="page-alert" title="该版本不在审核中，只能查看。" />
          )}
          {inForce && inForce.version !== number ? (
            <DiffPanel code={code} from={inForce.version} to={number} title={`与现行第 ${inForce.version} 版相比`} />
          ) : (
            <Alert type="info" showIcon className="page-alert" title="没有现行版本可比较：这是首次发布。" />
          )}
          <ImpactCard code={code} version={number} />
          <FindingsCard
            code={code}
            version={number}
            findings={findings}
            severityOf={severityOf}
            isLoading={quality.status === 'loading'}
          />
          {current.status === 'in_review' && user.role === 'legal' && (
            <DecisionCard
              code={code}
              version={number}
              revision={current.revision}
              openErrors={openErrors}
              error={transition.error}
              isBusy={transition.isBusy}
              onDecide={(body) => void decide(body)}
            />
          )}
        </>
      )}
    </PageFrame>
  );
}

function QueueLink() {
  return (
    <Link to="/review">
      <Button>返回审核队列</Button>
    </Link>
  );
}
