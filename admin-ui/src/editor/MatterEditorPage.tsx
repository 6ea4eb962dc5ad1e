import { Alert, Button, Result, Space, Spin, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/api';
import { StatusTag } from '../components/StatusTag';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import { ConflictDialog } from './ConflictDialog';
import { EditorTabs, JSON_TAB } from './EditorTabs';
import { EDITOR_SECTIONS, sectionOfPointer } from './editorSections';
import { IssueList } from './IssueList';
import { LeaveGuard } from './LeaveGuard';
import type { MatterVersion } from './MatterVersion';
import { useDraft } from './useDraft';

/** /matters/:code/versions/:version/edit: loads the version, then edits it (a draft) or shows it. */
export function MatterEditorPage() {
  const { code = '', version = '' } = useParams();
  const loaded = useLoad(() => api.get<MatterVersion>(`/api/matters/${code}/versions/${version}`), [code, version]);
  if (loaded.status === 'failed')
    return (
      <PageFrame title="编辑事项" crumbs={[{ title: '事项目录', to: '/matters' }, { title: '编辑事项' }]}>
        <Result status="error" title="无法打开这个版本" subTitle={loaded.error.message} />
      </PageFrame>
    );
  if (loaded.status === 'loading' || !loaded.value)
    return (
      <PageFrame title="编辑事项" crumbs={[{ title: '事项目录', to: '/matters' }, { title: '编辑事项' }]}>
        <Spin description="正在加载事项" />
      </PageFrame>
    );
  return <Editor key={`${code} ${version}`} loaded={loaded.value} />;
}

const SECTION_KEYS = new Set([...EDITOR_SECTIONS.map((section) => section.key), JSON_TAB]);

function Editor({ loaded }: { loaded: MatterVersion }) {
  const draft = useDraft(loaded);
  const [params, setParams] = useSearchParams();
  const [pendingText, setPendingText] = useState<string | null>(null);
  const isReadOnly = loaded.status !== 'draft';
  const pointer = params.get('pointer') ?? undefined;
  const asked = params.get('tab');
  // A link with only ?pointer= (a quality finding, a publish refusal) opens the field's tab.
  const tab = asked && SECTION_KEYS.has(asked) ? asked : pointer !== undefined ? sectionOfPointer(pointer).key : 'basic';
  const show = useCallback(
    (next: { tab: string; pointer?: string }) => {
      const query = new URLSearchParams(params);
      query.set('tab', next.tab);
      if (next.pointer === undefined) query.delete('pointer');
      else query.set('pointer', next.pointer);
      setParams(query, { replace: true });
    },
    [params, setParams],
  );
  const name = typeof draft.document.name === 'string' && draft.document.name ? draft.document.name : loaded.name;
  const canSave = !isReadOnly && draft.isDirty && !draft.isSaving && pendingText === null;
  return (
    <PageFrame
      title={`编辑：${name}`}
      crumbs={[
        { title: '事项目录', to: '/matters' },
        { title: loaded.name, to: `/matters/${loaded.code}` },
        { title: `第 ${loaded.version} 版` },
      ]}
      extra={
        <Space wrap>
          <StatusTag status={loaded.status} />
          <Typography.Text type="secondary">修订号 {draft.saved.revision}</Typography.Text>
          {!isReadOnly && (
            <Typography.Text type="secondary" aria-live="polite">
              {draft.isSaving ? '正在保存…' : draft.isDirty ? '有未保存的修改' : '已保存'}
            </Typography.Text>
          )}
          {!isReadOnly && (
            <Button type="primary" onClick={() => void draft.save()} disabled={!canSave} loading={draft.isSaving}>
              保存
            </Button>
          )}
        </Space>
      }
    >
      {isReadOnly && (
        <Alert
          type="info"
          showIcon
          className="page-alert"
          title="只有草稿可以编辑，这个版本只能查看"
          description={
            <>
              要修改，请在<Link to={`/matters/${loaded.code}`}>事项页</Link>「新建版本」后编辑新的草稿。
            </>
          }
        />
      )}
      {pendingText !== null && !isReadOnly && (
        <Alert type="warning" showIcon className="page-alert" title="JSON 视图中的内容格式有误，改正后才能保存" />
      )}
      <IssueList
        {...(draft.error ? { message: draft.error } : {})}
        issues={draft.issues}
        onShow={(at, view) => show({ tab: view === 'json' ? JSON_TAB : sectionOfPointer(at).key, pointer: at })}
      />
      <EditorTabs
        code={loaded.code}
        version={loaded.version}
        document={draft.document}
        onChange={draft.setDocument}
        issues={draft.issues}
        isReadOnly={isReadOnly}
        {...(pointer !== undefined ? { focusPointer: pointer } : {})}
        tab={tab}
        onTab={(next) => show({ tab: next })}
        pendingText={pendingText}
        onPendingText={setPendingText}
      />
      {draft.conflict && (
        <ConflictDialog
          conflict={draft.conflict}
          onResolve={(choices) => void draft.resolveConflict(choices)}
          onCancel={draft.cancelConflict}
        />
      )}
      <LeaveGuard isDirty={!isReadOnly && (draft.isDirty || pendingText !== null)} />
    </PageFrame>
  );
}
