import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/getJson';
import { intakeApi, type FileView } from '../api/intakeApi';
import { caseApi, type ProgressItem } from '../applications/caseApi';
import { SupplementField, fieldSchemaAt, type FieldSchema } from '../applications/SupplementField';
import { SupplementMaterial } from '../applications/SupplementMaterial';
import { valueAtPointer, withValueAtPointer } from '../applications/pointerValues';
import { useSignedIn, whenSignedIn } from '../apply/useSignedIn';
import { LoadState } from '../components/LoadState';
import { useAsync } from '../components/useAsync';
import { Link } from '../routing/Link';
import { navigate } from '../routing/useLocation';
import '../applications/caseProgress.css';

const keyOf = (item: ProgressItem) => (item.kind === 'material' ? `/materials/${item.materialId}` : `/formData${item.pointer}`);

interface Loaded {
  number: string;
  matterName: string;
  notice: number;
  items: ProgressItem[];
  formData: Record<string, unknown>;
  formSchema: FieldSchema | undefined;
}

async function load(number: string): Promise<Loaded | null> {
  const [progress, application] = await Promise.all([caseApi.progress(number), intakeApi.application(number)]);
  if (!progress.supplement) return null;
  const version = await intakeApi.matterVersion(application.matterCode, application.version);
  return {
    number,
    matterName: application.matterName,
    notice: progress.supplement.notice,
    items: progress.supplement.items,
    formData: application.formData ?? {},
    formSchema: (version.document.form as { schema?: FieldSchema } | undefined)?.schema,
  };
}

function SupplementForm({ loaded }: { loaded: Loaded }) {
  const [files, setFiles] = useState<Record<string, FileView[]>>({});
  const [formData, setFormData] = useState<Record<string, unknown>>(() =>
    loaded.items.reduce<Record<string, unknown>>(
      (data, item) =>
        item.kind === 'field' ? withValueAtPointer(data, item.pointer, valueAtPointer(loaded.formData, item.pointer)) : data,
      {},
    ),
  );
  const [issues, setIssues] = useState<{ pointer: string; message: string }[]>([]);
  const [failure, setFailure] = useState<string | undefined>();
  const [isSending, setIsSending] = useState(false);
  // One key per answer on this page: a retry after a lost answer is the same answer.
  const idempotencyKey = useRef(crypto.randomUUID());
  const messagesOf = (item: ProgressItem) =>
    issues
      .filter((issue) => issue.pointer === keyOf(item) || issue.pointer.startsWith(`${keyOf(item)}/`))
      .map((issue) => issue.message);
  const unplaced = issues.filter((issue) => !loaded.items.some((item) => messagesOf(item).includes(issue.message)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSending(true);
    setFailure(undefined);
    setIssues([]);
    try {
      await caseApi.answer(loaded.number, {
        idempotencyKey: idempotencyKey.current,
        notice: loaded.notice,
        materials: Object.fromEntries(
          Object.entries(files).map(([materialId, given]) => [materialId, given.map((file) => file.id)]),
        ),
        formData,
      });
      navigate(`/applications/${encodeURIComponent(loaded.number)}?supplemented=1`);
    } catch (error) {
      const refused = error instanceof ApiError ? error : undefined;
      setIssues(refused?.issues ?? []);
      setFailure(refused?.message ?? '提交失败，请重试');
      // A refused answer stored nothing: a corrected one is a new answer.
      if (refused && refused.status >= 400) idempotencyKey.current = crypto.randomUUID();
    } finally {
      setIsSending(false);
    }
  }

  return (
    <form className="supplement-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="section-lead">请只补正下列 {loaded.items.length} 项。提交后，窗口自收到之日起 5 个工作日内决定是否受理。</p>
      <ol className="supplement-items">
        {loaded.items.map((item) =>
          item.kind === 'material' ? (
            <SupplementMaterial
              key={keyOf(item)}
              number={loaded.number}
              item={item}
              files={files[item.materialId] ?? []}
              onChange={(given) => setFiles((all) => ({ ...all, [item.materialId]: given }))}
              messages={messagesOf(item)}
            />
          ) : (
            <SupplementField
              key={keyOf(item)}
              item={item}
              schema={fieldSchemaAt(loaded.formSchema, item.pointer)}
              value={valueAtPointer(formData, item.pointer)}
              onChange={(value) => setFormData((data) => withValueAtPointer(data, item.pointer, value))}
              messages={messagesOf(item)}
            />
          ),
        )}
      </ol>
      {failure && (
        <div className="notice notice-error" role="alert">
          <p>{failure}</p>
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map((issue) => (
                <li key={issue.pointer + issue.message}>{issue.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <button type="submit" className="button button-primary button-block" disabled={isSending}>
        {isSending ? '正在提交…' : '提交补正'}
      </button>
    </form>
  );
}

/** 补正: the applicant supplies exactly what the window's one-time notice lists, each with its reason. */
export function SupplementPage({ number }: { number: string }) {
  const session = useSignedIn();
  const loaded = useAsync(() => whenSignedIn(session, () => load(number)), `${number}/${session.status}`);
  const back = `/applications/${encodeURIComponent(number)}`;
  return (
    <article className="supplement">
      <p className="breadcrumb">
        <Link to="/applications">我的办件</Link> › <Link to={back}>办件详情</Link>
      </p>
      <LoadState state={loaded}>
        {(value) =>
          value ? (
            <>
              <h1 className="page-title">
                补正材料
                <span className="title-sub">
                  {value.matterName} · 申请编号 {value.number}
                </span>
              </h1>
              <SupplementForm loaded={value} />
            </>
          ) : (
            <>
              <h1 className="page-title">补正材料</h1>
              <p className="notice" role="status">
                这件申请目前没有需要补正的内容。
              </p>
              <p>
                <Link className="button button-secondary" to={back}>
                  查看办理进度
                </Link>
              </p>
            </>
          )
        }
      </LoadState>
    </article>
  );
}
