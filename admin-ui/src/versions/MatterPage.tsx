import { Alert, App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { StatusTag } from '../components/StatusTag';
import { useStaffUser } from '../session/SessionProvider';
import { PageFrame } from '../shell/PageFrame';
import { DateMoveModal, type DateMove } from './DateMoveModal';
import { DiffPanel } from './DiffPanel';
import { ImpactCard } from './ImpactCard';
import { MatterFacts } from './MatterFacts';
import { RefusalList } from './RefusalList';
import { RiskReasons } from './RiskReasons';
import { shanghaiDate } from '@matterflow/schemas';
import { useMatterVersions } from './useMatterVersions';
import { useTransition, type TransitionBody } from './useTransition';
import {
  acceptedRisksOf,
  actionsFor,
  canStartVersion,
  defaultComparison,
  editorLink,
  isQualityRefusal,
  openVersion,
  refusalsOf,
  versionInForce,
} from './versionRules';
import type { VersionSummary } from './versionTypes';
import { VersionsTable } from './VersionsTable';

const DONE: Record<string, string> = {
  submit: '已提交审核',
  withdraw: '已撤回为草稿',
  newVersion: '已新建版本草稿',
  unschedule: '已撤销发布计划，版本回到审核中',
  reschedule: '已改定生效日期',
  retire: '已取消事项',
};

/**
 * One matter's versions: their history, the difference of any two in words, what an open draft
 * would change for recent applicants, and the lifecycle moves the clerk's role may make. A refused
 * submit lists its reasons, each linking to the field.
 */
export function MatterPage() {
  const { code = '' } = useParams();
  const user = useStaffUser();
  const { message } = App.useApp();
  const today = shanghaiDate(new Date());
  const { versions, departmentName, searchName } = useMatterVersions(code);
  const transition = useTransition(code);
  const [failed, setFailed] = useState<{ action: string; version: number } | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [move, setMove] = useState<{ kind: DateMove; version: VersionSummary } | null>(null);

  async function act(body: TransitionBody, version: number) {
    setFailed(null);
    const done = await transition.run(body);
    if (!done) {
      setFailed({ action: body.action, version });
      return;
    }
    setMove(null);
    setReasons({});
    void message.success(DONE[body.action] ?? '已完成');
    versions.reload();
  }

  const all = versions.value ?? [];
  const newest = [...all].sort((a, b) => b.version - a.version)[0];
  const inForce = versionInForce(all, today);
  const open = openVersion(all);
  const comparison = defaultComparison(all, today);
  const isKeeper = user.role === 'dept_admin' || user.role === 'legal';
  const refusals = refusalsOf(transition.error);
  const canAcceptRisks = user.role === 'legal' && failed?.action === 'submit' && isQualityRefusal(transition.error);

  const actionsOf = (version: VersionSummary) => (
    <Space wrap size="small">
      {actionsFor(user.role, version, today).map((action) => {
        const revision = version.revision;
        if (action === 'edit')
          return (
            <Link key={action} to={editorLink(code, version.version)}>
              编辑草稿
            </Link>
          );
        if (action === 'review')
          return (
            <Link key={action} to={`/review/${code}/${version.version}`}>
              审核
            </Link>
          );
        if (action === 'submit')
          return (
            <Button
              key={action}
              size="small"
              type="primary"
              loading={transition.isBusy}
              onClick={() => void act({ action: 'submit', revision }, version.version)}
            >
              提交审核
            </Button>
          );
        if (action === 'withdraw')
          return (
            <Popconfirm
              key={action}
              title="撤回审核，回到草稿？"
              okText="撤回"
              cancelText="返回"
              onConfirm={() => act({ action: 'withdraw', revision }, version.version)}
            >
              <Button size="small">撤回</Button>
            </Popconfirm>
          );
        return (
          <Button key={action} size="small" onClick={() => setMove({ kind: action, version })}>
            {action === 'unschedule' ? '撤销发布计划' : '改期'}
          </Button>
        );
      })}
    </Space>
  );

  const extra = isKeeper && (
    <Space wrap>
      {canStartVersion(user.role, all, today) && (
        <Button
          type="primary"
          loading={transition.isBusy}
          onClick={() => void act({ action: 'newVersion' }, (newest?.version ?? 0) + 1)}
        >
          新建版本
        </Button>
      )}
      {user.role === 'legal' && inForce && !inForce.cancelAt && (
        <Button danger className="versions-danger" onClick={() => setMove({ kind: 'retire', version: inForce })}>
          取消事项
        </Button>
      )}
    </Space>
  );

  const name = newest?.name ?? searchName ?? code;
  return (
    <PageFrame title={name} crumbs={[{ title: '事项目录', to: '/matters' }, { title: name }]} extra={extra}>
      {versions.status === 'failed' && <Alert type="error" showIcon title={versions.error.message} className="page-alert" />}
      <MatterFacts
        code={code}
        departmentName={departmentName}
        items={[
          {
            key: 'inForce',
            label: '现行版本',
            children: inForce
              ? `第 ${inForce.version} 版（${inForce.effectiveFrom} 起${inForce.cancelAt ? `，${inForce.cancelAt} 取消` : ''}）`
              : '无',
          },
          ...(open
            ? [
                {
                  key: 'open',
                  label: '在办版本',
                  children: (
                    <Space size={4}>
                      第 {open.version} 版 <StatusTag status={open.status} />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {failed && !move && transition.error !== null && (
        <>
          <RefusalList
            title={`${failed.action === 'submit' ? '未能提交审核' : '操作未完成'}：${(transition.error as Error).message}`}
            refusals={refusals}
            code={code}
            version={failed.version}
          />
          {canAcceptRisks && (
            <div className="versions-card">
              <RiskReasons findings={refusals} reasons={reasons} onChange={setReasons} code={code} version={failed.version} />
              <Button
                type="primary"
                loading={transition.isBusy}
                disabled={acceptedRisksOf(refusals, reasons).length < refusals.length}
                onClick={() => {
                  const version = all.find((v) => v.version === failed.version);
                  if (version)
                    void act(
                      { action: 'submit', revision: version.revision, acceptedRisks: acceptedRisksOf(refusals, reasons) },
                      version.version,
                    );
                }}
              >
                记录理由并提交
              </Button>
            </div>
          )}
        </>
      )}
      <VersionsTable versions={all} today={today} actions={actionsOf} />
      {comparison && (
        <DiffPanel
          key={`${comparison.from}-${comparison.to}`}
          code={code}
          from={comparison.from}
          to={comparison.to}
          versions={all}
        />
      )}
      {open && isKeeper && <ImpactCard key={`${open.version}-${open.revision}`} code={code} version={open.version} />}
      {move && (
        <DateMoveModal
          move={move.kind}
          version={move.version.version}
          isBusy={transition.isBusy}
          {...(failed && transition.error instanceof Error ? { error: transition.error.message } : {})}
          onCancel={() => {
            setMove(null);
            setFailed(null);
          }}
          onSubmit={({ date, comments }) => {
            const revision = move.version.revision;
            const dateField =
              move.kind === 'retire' ? { cancelDate: date } : move.kind === 'reschedule' ? { effectiveDate: date } : {};
            void act({ action: move.kind, revision, ...dateField, ...(comments ? { comments } : {}) }, move.version.version);
          }}
        />
      )}
    </PageFrame>
  );
}
