import { Alert, Card, Col, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, queryOf } from '../api/api';
import type { Department, QualityFinding, QualityReport } from '../catalog/catalogTypes';
import { ScrollRegion } from '../components/ScrollRegion';
import { DepartmentSelect, StatusSelect, TypeSelect } from '../components/CatalogSelects';
import { SEVERITY_WORDS, SeverityTag } from '../components/StatusTag';
import { editorLink } from '../versions/versionRules';
import { useStaffUser } from '../session/SessionProvider';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import { filterFindings, findingTotals, rulesPresent } from './qualityFilters';

/** Where a finding is fixed: the editor at its version, opened at the field it names. */
const fieldLink = (finding: Pick<QualityFinding, 'code' | 'version' | 'pointer'>) =>
  finding.version === null ? `/matters/${finding.code}` : editorLink(finding.code, finding.version, finding.pointer);

/**
 * The cleanup report: counts by rule (a clerk cleaning 300 matters works rule by rule), then every
 * finding with a link to the field that causes it. Department, type and status narrow what the
 * platform checks; rule, severity and matter narrow the list here, all kept in the address.
 */
export function QualityPage() {
  const user = useStaffUser();
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? undefined;
  const serverFilters = { department: get('department'), type: get('type'), status: get('status') };
  const report = useLoad(
    () => api.get<QualityReport>(`/api/catalog/quality${queryOf(serverFilters)}`),
    [JSON.stringify(serverFilters)],
  );
  const departments = useLoad(() => api.get<{ items: Department[] }>('/api/departments').then((answer) => answer.items), []);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const rules = report.value?.rules ?? [];
  const titleOf = useMemo(() => new Map(rules.map((rule) => [rule.rule, rule.title])), [rules]);
  const filters = { rule: get('rule'), severity: get('severity'), code: get('code') };
  const findings = filterFindings(report.value, filters);
  const present = rulesPresent(report.value, filters);
  const totals = findingTotals(report.value, findings);
  return (
    <PageFrame title="质量报告" crumbs={[{ title: '质量报告' }]}>
      {report.status === 'failed' && <Alert type="error" showIcon title={report.error.message} className="page-alert" />}
      <Row gutter={[16, 16]} className="quality-stats">
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="检查的事项" value={report.value?.checkedMatters ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="有错误的事项" value={totals.withErrors} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="有问题的事项" value={totals.withFindings} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="问题总数（未接受）" value={totals.open} />
          </Card>
        </Col>
      </Row>
      <Space wrap className="filters" role="search" aria-label="筛选质量问题">
        {user.role !== 'dept_admin' && (
          <DepartmentSelect
            value={get('department')}
            onChange={(value) => set('department', value)}
            departments={departments.value ?? []}
          />
        )}
        <TypeSelect value={get('type')} onChange={(value) => set('type', value)} />
        <StatusSelect value={get('status')} onChange={(value) => set('status', value)} placeholder="各事项的最新版本" />
        <Select
          allowClear
          aria-label="严重程度"
          placeholder="全部严重程度"
          value={get('severity')}
          onChange={(value?: string) => set('severity', value)}
          options={Object.entries(SEVERITY_WORDS).map(([value, label]) => ({ value, label }))}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label="规则"
          placeholder="全部规则"
          value={get('rule')}
          onChange={(value?: string) => set('rule', value)}
          options={present.map((rule) => ({ value: rule.rule, label: `${rule.title}（${rule.count}）` }))}
          className="quality-rule-select"
        />
      </Space>
      <Typography.Title level={2} className="section-title">
        按规则
      </Typography.Title>
      <Table
        size="small"
        rowKey="rule"
        loading={report.status === 'loading'}
        pagination={false}
        dataSource={present}
        columns={[
          {
            title: '规则',
            render: (_, rule) => (
              <Link to={`?${new URLSearchParams({ ...Object.fromEntries(params), rule: rule.rule }).toString()}`}>
                {rule.title}
              </Link>
            ),
          },
          {
            title: '严重程度',
            render: (_, rule) => <SeverityTag severity={rule.severity} />,
          },
          { title: '问题数', dataIndex: 'count', width: 90 },
        ]}
      />
      <Typography.Title level={2} className="section-title">
        问题明细{get('rule') ? `：${titleOf.get(get('rule') ?? '') ?? get('rule')}` : ''}
        {get('rule') && (
          <Typography.Link className="clear-filter" onClick={() => set('rule', undefined)}>
            显示全部规则
          </Typography.Link>
        )}
      </Typography.Title>
      <ScrollRegion label="问题明细">
        <Table<QualityFinding>
          size="small"
          rowKey={(finding) => `${finding.code}|${finding.rule}|${finding.pointer}`}
          loading={report.status === 'loading'}
          dataSource={findings}
          pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (total) => `共 ${total} 处` }}
          columns={[
            { title: '事项', render: (_, finding) => <Link to={`/matters/${finding.code}`}>{finding.name}</Link> },
            { title: '版本', render: (_, finding) => (finding.version === null ? '—' : `第 ${finding.version} 版`), width: 80 },
            { title: '规则', render: (_, finding) => titleOf.get(finding.rule) ?? finding.rule },
            {
              title: '问题',
              render: (_, finding) => (
                <Space orientation="vertical" size={2}>
                  <span>{finding.message}</span>
                  {finding.accepted && (
                    <Typography.Text type="secondary">
                      已接受风险：{finding.accepted.reason}（{finding.accepted.byName}）
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: '字段',
              render: (_, finding) => (
                <Link to={fieldLink(finding)} aria-label={`到 ${finding.name} 的字段 ${finding.pointer} 修改`}>
                  <code>{finding.pointer}</code>
                </Link>
              ),
            },
          ]}
        />
      </ScrollRegion>
    </PageFrame>
  );
}
