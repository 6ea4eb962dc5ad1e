import type { RJSFSchema } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { intakeApi, type Draft } from '../api/intakeApi';
import { DraftEditor, type LoadedMatter } from '../apply/DraftEditor';
import { createFormValidator, loadFormModule } from '../apply/formValidator';
import { loadVersion } from '../apply/loadVersion';
import { OnBehalfStart } from '../apply/OnBehalfStart';
import { LoadState } from '../components/LoadState';
import { useAsync } from '../components/useAsync';
import { Link } from '../routing/Link';
import { navigate } from '../routing/useLocation';
import { useSignedIn, whenSignedIn } from '../apply/useSignedIn';
import { isStaff } from '../session/sessionStore';
import '../styles/apply.css';

/** One version's document with its conditions installed and its form's precompiled validator. */
async function loadMatter(code: string, version: number): Promise<LoadedMatter> {
  const [matter, form] = await Promise.all([
    loadVersion(code, version),
    loadFormModule(intakeApi.formUrl(code, version)).catch((error: unknown) => error as Error),
  ]);
  if (form instanceof Error && matter.document.form) throw form;
  const schema = (matter.document.form?.schema ?? {}) as RJSFSchema;
  // Without a form nothing is validated; rjsf is not rendered then.
  const validator = createFormValidator(form instanceof Error ? { version, validators: () => ({}) } : form, schema, version);
  return { code, version, name: matter.name, status: matter.status, document: matter.document, validator };
}

/**
 * The signed-in citizen's open draft of this matter, or a new one with the answers a 情形引导 link
 * carried in its query (the platform keeps only real options of the version in force).
 */
function openDraft(code: string, query: URLSearchParams): Promise<string> {
  // One opening per matter at a time: an effect run twice must not start two drafts.
  const pending = opening.get(code) ?? findOrCreateDraft(code, query).finally(() => opening.delete(code));
  opening.set(code, pending);
  return pending;
}

const opening = new Map<string, Promise<string>>();

async function findOrCreateDraft(code: string, query: URLSearchParams): Promise<string> {
  const { items } = await intakeApi.drafts();
  const open = items.find((item) => item.matterCode === code && !item.isOnBehalf);
  if (open) return open.id;
  const answers = Object.fromEntries([...query.entries()].filter(([key]) => key !== 'preview'));
  const draft = await intakeApi.createDraft({ matterCode: code, ...(Object.keys(answers).length > 0 ? { answers } : {}) });
  return draft.id;
}

const Loading = () => (
  <p className="notice" role="status">
    正在加载…
  </p>
);

function Title({ name }: { name?: string }) {
  return <h1 className="page-title">在线办理{name && <span className="title-sub">{name}</span>}</h1>;
}

function OpenDraft({ code, query }: { code: string; query: URLSearchParams }) {
  const opened = useAsync(() => openDraft(code, query), code);
  useEffect(() => {
    if (opened.status === 'done') navigate(`/drafts/${encodeURIComponent(opened.value)}`, { replace: true });
  }, [opened]);
  return (
    <>
      <Title />
      {opened.status === 'failed' ? <LoadState state={opened}>{() => null}</LoadState> : <Loading />}
    </>
  );
}

function Preview({ code, version }: { code: string; version: number }) {
  const loaded = useAsync(() => loadMatter(code, version), `${code}/${version}`);
  return (
    <LoadState state={loaded}>
      {(matter) => {
        const draft: Draft = { id: 'preview', matterCode: code, version, revision: 0, answers: {}, formData: {}, materials: {} };
        return (
          <>
            <Title name={matter.name} />
            <DraftEditor draft={draft} matter={matter} isPreview onReload={() => undefined} />
          </>
        );
      }}
    </LoadState>
  );
}

/** `/matters/{code}/apply`: opens (or resumes) the citizen's draft; `?preview=<n>` shows a version to staff. */
export function ApplyPage({ code, query }: { code: string; query: URLSearchParams }) {
  const session = useSignedIn();
  if (session.status !== 'signedIn') return <Loading />;
  const preview = query.get('preview');
  if (preview !== null) {
    if (!isStaff(session.user) || !/^[1-9]\d{0,5}$/.test(preview))
      return (
        <>
          <Title />
          <p className="notice notice-error" role="alert">
            预览仅供工作人员使用。
          </p>
        </>
      );
    return <Preview code={code} version={Number(preview)} />;
  }
  if (session.user.role === 'window')
    return (
      <>
        <Title />
        <OnBehalfStart code={code} query={query} />
      </>
    );
  return <OpenDraft code={code} query={query} />;
}

/** `/drafts/{id}`: a draft resumed, on this device or another. */
export function DraftPage({ id }: { id: string }) {
  const session = useSignedIn();
  const [reloads, setReloads] = useState(0);
  const loaded = useAsync(
    () =>
      whenSignedIn(session, async () => {
        const draft = await intakeApi.draft(id);
        const from = draft.upgrade?.fromVersion;
        const [matter, previous] = await Promise.all([
          loadMatter(draft.matterCode, draft.version),
          // Only to name dropped answers: without it they are named by their keys.
          from ? intakeApi.matterVersion(draft.matterCode, from).catch(() => undefined) : undefined,
        ]);
        return { draft, matter: { ...matter, previous: previous?.document } };
      }),
    session.status === 'signedIn' ? `${id}/${reloads}` : 'waiting',
  );
  if (session.status !== 'signedIn') return <Loading />;
  return (
    <LoadState state={loaded}>
      {({ draft, matter }) => (
        <>
          <p className="breadcrumb">
            <Link to={`/matters/${matter.code}`}>办事指南</Link> · <Link to="/applications">我的办件</Link>
          </p>
          <Title name={matter.name} />
          <DraftEditor key={`${draft.id}/${reloads}`} draft={draft} matter={matter} onReload={() => setReloads((n) => n + 1)} />
        </>
      )}
    </LoadState>
  );
}
