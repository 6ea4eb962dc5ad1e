import { checkCalendarYear } from '@matterflow/schemas';
import { Alert, App, Button, Descriptions, Input, Radio, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../api/api';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import { calendarBody, markDay, marksOf, type CalendarYearView, type MarkMode, type Marks } from './calendarMarks';
import { YearGrid } from './YearGrid';

interface CalendarStatus {
  region: string;
  today: string;
  lastCoveredYear: number | null;
  regions: { code: string; parent: string | null; years: number[] }[];
  warnings: { code: string; message: string }[];
}

const MODES: { value: MarkMode; label: string }[] = [
  { value: 'holiday', label: '法定节假日' },
  { value: 'makeup', label: '调休上班日' },
  { value: 'plain', label: '恢复普通' },
];

/** A year as loaded: its view, or nothing yet (a year the notice has not been entered for). */
async function loadYear(region: string, year: number): Promise<CalendarYearView | null> {
  try {
    return await api.get<CalendarYearView>(`/api/calendar/${region}/${year}`);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'CALENDAR_NOT_FOUND') return null;
    throw error;
  }
}

/**
 * The regions' holiday calendars, a year at a time: pick what a click marks, click days (or Tab to
 * them and press Enter), give the notice's 文号, save. What the platform warns about (next year's
 * notice missing) is said at the top, since due dates past the last year are only provisional.
 */
export function CalendarsPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const status = useLoad(() => api.get<CalendarStatus>('/api/calendar/status'), []);
  const region = params.get('region') ?? status.value?.region;
  const year = Number(params.get('year') ?? status.value?.today.slice(0, 4) ?? dayjs().year());
  const loaded = useLoad(() => (region ? loadYear(region, year) : Promise.resolve(null)), [region, year]);
  const [marks, setMarks] = useState<Marks>(new Map());
  const [source, setSource] = useState('');
  const [mode, setMode] = useState<MarkMode>('holiday');
  const [name, setName] = useState('');
  const [issues, setIssues] = useState<string[]>([]);
  const [isDirty, setDirty] = useState(false);
  const [isSaving, setSaving] = useState(false);
  useEffect(() => {
    if (loaded.status !== 'ready' || !region) return;
    setMarks(marksOf(loaded.value ?? { holidays: [], workdays: [] }));
    setSource(loaded.value?.layers.find((layer) => layer.region === region)?.source ?? '');
    setIssues([]);
    setDirty(false);
  }, [loaded.status, loaded.value, region]);
  const years = useMemo(() => {
    const known = new Set((status.value?.regions ?? []).flatMap((r) => r.years));
    const thisYear = Number(status.value?.today.slice(0, 4) ?? year);
    [thisYear, thisYear + 1, year].forEach((y) => known.add(y));
    return [...known].sort((a, b) => b - a);
  }, [status.value, year]);
  const choose = (key: 'region' | 'year', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next);
  };
  const onDay = (date: string) => {
    if (!region) return;
    const result = markDay(marks, { date, mode, name, region });
    if ('refusal' in result) {
      void message.warning(result.refusal);
      return;
    }
    setMarks(result.marks);
    setDirty(true);
  };
  const save = async () => {
    if (!region) return;
    const body = calendarBody(marks, region, source);
    const local = checkCalendarYear(year, body);
    if (local.length > 0) {
      setIssues(local.map((issue) => issue.message));
      return;
    }
    setSaving(true);
    try {
      const saved = await api.put<CalendarYearView>(`/api/calendar/${region}/${year}`, body);
      setMarks(marksOf(saved));
      loaded.reload();
      setIssues([]);
      setDirty(false);
      void message.success(`已保存 ${region} ${year} 年的节假日安排`);
      status.reload();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setIssues(error.issues.length > 0 ? error.issues.map((issue) => issue.message) : [error.message]);
    } finally {
      setSaving(false);
    }
  };
  const own = region ? calendarBody(marks, region, source) : { holidays: [], workdays: [] };
  return (
    <PageFrame
      title="节假日"
      crumbs={[{ title: '节假日' }]}
      extra={
        <Button type="primary" loading={isSaving} disabled={!isDirty} onClick={save}>
          保存本年度
        </Button>
      }
    >
      {status.value?.warnings.map((warning) => (
        <Alert key={warning.code} type="warning" showIcon title={warning.message} className="page-alert" />
      ))}
      {status.status === 'failed' && <Alert type="error" showIcon title={status.error.message} className="page-alert" />}
      {loaded.status === 'failed' && <Alert type="error" showIcon title={loaded.error.message} className="page-alert" />}
      <Space wrap className="filters" aria-label="选择地区与年度" role="group">
        <Select
          aria-label="地区"
          value={region}
          onChange={(value: string) => choose('region', value)}
          options={(status.value?.regions ?? []).map((r) => ({
            value: r.code,
            label:
              r.code === 'CN' ? 'CN 全国（国务院办公厅通知）' : `${r.code}${r.code === status.value?.region ? '（本中心）' : ''}`,
          }))}
          style={{ width: 260 }}
        />
        <Select
          aria-label="年度"
          value={year}
          onChange={(value: number) => choose('year', String(value))}
          options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          style={{ width: 120 }}
        />
      </Space>
      {loaded.status === 'ready' && loaded.value === null && (
        <Alert
          type="info"
          showIcon
          title={`${region} 尚无 ${year} 年的节假日安排：标出放假的工作日和调休上班的周末，填写通知文号后保存`}
          className="page-alert"
        />
      )}
      <div className="calendar-toolbar">
        <Space wrap align="end">
          <div>
            <Typography.Text id="calendar-mode-label">点击日期标为</Typography.Text>
            <br />
            <Radio.Group
              aria-labelledby="calendar-mode-label"
              optionType="button"
              buttonStyle="solid"
              value={mode}
              onChange={(event) => setMode(event.target.value as MarkMode)}
              options={MODES}
            />
          </div>
          {mode !== 'plain' && (
            <label className="calendar-field">
              节日名称
              <Input value={name} onChange={(event) => setName(event.target.value)} placeholder="如 国庆节" maxLength={20} />
            </label>
          )}
          <label className="calendar-field calendar-source">
            通知文号
            <Input
              value={source}
              onChange={(event) => {
                setSource(event.target.value);
                setDirty(true);
              }}
              placeholder="如 国办发明电〔2025〕7号"
              maxLength={200}
            />
          </label>
        </Space>
        <Typography.Paragraph className="calendar-legend">
          <span className="calendar-swatch calendar-day-holiday" aria-hidden /> 法定节假日（{own.holidays.length} 天）
          <span className="calendar-swatch calendar-day-makeup" aria-hidden /> 调休上班日（{own.workdays.length} 天）
          <span className="calendar-swatch calendar-day-inherited" aria-hidden /> 继承自全国安排（在 CN 中修改）
        </Typography.Paragraph>
      </div>
      {issues.length > 0 && <Alert type="error" showIcon title="未保存" description={issues.join('；')} className="page-alert" />}
      {region && <YearGrid year={year} marks={marks} region={region} onDay={onDay} />}
      {loaded.value && (
        <Descriptions
          size="small"
          column={1}
          title="组成本年度的通知"
          className="calendar-layers"
          items={loaded.value.layers.map((layer) => ({
            key: layer.region,
            label: layer.region,
            children: `${layer.source}（${layer.updatedBy}，${dayjs(layer.updatedAt).format('YYYY年M月D日 HH:mm')}）`,
          }))}
        />
      )}
    </PageFrame>
  );
}
