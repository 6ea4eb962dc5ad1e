import { Alert, Card, Col, List, Result, Row, Space, Spin } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api';
import { ToneTag } from '../components/StatusTag';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import { ActionPanel } from './ActionPanel';
import { CaseClock } from './CaseClock';
import { ClockPanel } from './ClockActions';
import { ApplicationCard, FormDataCard, MaterialsCard } from './CaseDetails';
import { CaseTimeline } from './CaseTimeline';
import { loadCaseFile } from './loadCaseFile';
import { TaskPanel } from './TaskPanel';
import { ResultPanel } from './ResultPanel';
import { availableNotices, noticeTitle } from './notices';
import './workbench.css';

const STATUS_TONES: Record<string, 'neutral' | 'info' | 'success' | 'warning' | 'error'> = {
  received: 'info',
  supplementing: 'warning',
  refused: 'error',
  completed: 'success',
  decided: 'success',
  in_review: 'info',
  terminated: 'neutral',
};

/** 办件 <number>: who applied for what, the form and files, the clock, the history and the window's answer. */
export function CasePage() {
  const { number = '' } = useParams();
  const loaded = useLoad(() => loadCaseFile(number), [number]);
  const title = `办件 ${number}`;
  const file = loaded.value;
  if (!file)
    return (
      <PageFrame title={title} crumbs={[{ title }]}>
        {loaded.status === 'failed' ? (
          loaded.error instanceof ApiError && [403, 404].includes(loaded.error.status) ? (
            <Result status="404" title="办件不存在或无权查看" extra={<Link to="/">返回工作台</Link>} />
          ) : (
            <Alert type="error" showIcon title={loaded.error.message} />
          )
        ) : (
          <Spin description="正在读取办件…">
            <div className="spin-space" />
          </Spin>
        )}
      </PageFrame>
    );
  const notices = availableNotices(file);
  return (
    <PageFrame
      title={title}
      crumbs={[{ title }]}
      extra={
        <Space wrap>
          <ToneTag tone={STATUS_TONES[file.case.status] ?? 'info'}>{file.case.statusLabel}</ToneTag>
          {file.case.isGreenChannel && <ToneTag tone="success">绿色通道</ToneTag>}
        </Space>
      }
    >
      {loaded.status === 'failed' && <Alert type="error" showIcon title={loaded.error.message} className="page-alert" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size="middle" className="case-column">
            <ApplicationCard file={file} />
            <FormDataCard file={file} />
            <MaterialsCard file={file} />
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size="middle" className="case-column">
            <ActionPanel file={file} onChanged={loaded.reload} onReload={loaded.reload} />
            <TaskPanel file={file} onChanged={loaded.reload} />
            <ClockPanel file={file} onChanged={loaded.reload} />
            <ResultPanel file={file} onChanged={loaded.reload} onReload={loaded.reload} />
            <Card title="文书打印" size="small">
              <List
                size="small"
                dataSource={notices}
                renderItem={(kind) => (
                  <List.Item>
                    <Link to={`/cases/${file.case.number}/notices/${kind}`}>{noticeTitle(file, kind)}</Link>
                  </List.Item>
                )}
              />
            </Card>
            <CaseClock file={file} />
            <CaseTimeline file={file} />
          </Space>
        </Col>
      </Row>
    </PageFrame>
  );
}
