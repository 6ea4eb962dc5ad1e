import { materialSlots, withRequiredMaterials, type MatterDocument } from '@matterflow/schemas';
import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, RJSFValidationError, UiSchema, ValidatorType } from '@rjsf/utils';
import { startTransition, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/getJson';
import { intakeApi, type Draft } from '../api/intakeApi';
import { navigate } from '../routing/useLocation';
import { GuideQuestions } from '../situations/GuideQuestions';
import { createSubmitter } from './createSubmitter';
import { describePointer } from './describePointer';
import { nameFieldErrors, placeIssues } from './fieldErrors';
import { FreeTextForm } from './FreeTextForm';
import { MaterialSlots } from './MaterialSlots';
import { PluginAlert, PluginNotes, withSourceHelp } from './PluginNotes';
import { prepareUiSchema } from './prepareUiSchema';
import { NamedRadioWidget } from './NamedRadioWidget';
import { TRANSITION_WIDGETS } from './transitionWidgets';
import { useDraftEditor, type SaveState } from './useDraftEditor';
import { translateString } from './zhStrings';

export interface LoadedMatter {
  code: string;
  version: number;
  name: string;
  /** The version's catalog status (published, draft, in review…). */
  status?: string | undefined;
  document: MatterDocument;
  validator: ValidatorType;
  /** The version an upgraded draft came from, to name what it had and this one has not. */
  previous?: MatterDocument | undefined;
}

const timeText = (at: Date) =>
  at.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

function SaveStatus({ save, onRetry }: { save: SaveState; onRetry: () => void }) {
  return (
    <p className={`save-status save-${save.status}`} role="status">
      {save.status === 'saved' && `已保存 ${timeText(save.at)}`}
      {save.status === 'pending' && '有修改，稍后自动保存…'}
      {save.status === 'saving' && '正在保存…'}
      {save.status === 'failed' && (
        <>
          保存失败：{save.message}
          <button type="button" className="button button-link" onClick={onRetry}>
            重试保存
          </button>
        </>
      )}
    </p>
  );
}

interface Problems {
  form: ErrorSchema;
  materials: Record<string, string[]>;
  general: string[];
}

const WIDGETS = { ...TRANSITION_WIDGETS, RadioWidget: NamedRadioWidget };

const NO_PROBLEMS: Problems = { form: {}, materials: {}, general: [] };

/**
 * The apply form for one draft: the guiding questions, the published form (rjsf with the
 * platform's precompiled validator), the material slots those answers call for, autosave, and the
 * submit. In preview (staff, a draft version) nothing is saved and nothing can be submitted.
 */
export function DraftEditor({
  draft,
  matter,
  isPreview = false,
  onReload,
}: {
  draft: Draft;
  matter: LoadedMatter;
  isPreview?: boolean;
  onReload: () => void;
}) {
  const editor = useDraftEditor(draft, { isReadOnly: isPreview });
  const { document } = matter;
  const schema = document.form?.schema as RJSFSchema | undefined;
  const sources = editor.plugins?.sources;
  const uiSchema = useMemo<UiSchema>(
    () => withSourceHelp(prepareUiSchema(schema, document.form?.uiSchema as UiSchema | undefined), sources ?? []),
    [schema, document.form?.uiSchema, sources],
  );
  const questions = document.guideQuestions ?? [];
  const unanswered = questions.filter((q) => !editor.answers[q.id]);
  // The materials a department plugin made required (as of the last save) are required here too, as at submit.
  const required = useMemo(
    () => new Map((editor.plugins?.materials ?? []).map((item) => [item.materialId, item.reason])),
    [editor.plugins?.materials],
  );
  const { slots, resolution } = withRequiredMaterials(
    document,
    materialSlots(document, editor.answers, editor.formData),
    required,
  );
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false);
  const [submitting, setSubmitting] = useState<'idle' | 'busy'>('idle');
  const [submitError, setSubmitError] = useState<string | undefined>();
  const submitter = useRef(createSubmitter((key) => intakeApi.submit(draft.id, key)));

  const transformErrors = (errors: RJSFValidationError[]) => nameFieldErrors(errors, schema);

  const submit = async () => {
    setSubmitting('busy');
    setSubmitError(undefined);
    setProblems(NO_PROBLEMS);
    try {
      // Files of materials these answers no longer call for are not sent.
      const needed = new Set(slots.map((slot) => slot.material.id));
      for (const [materialId, list] of Object.entries(editor.files)) {
        if (!needed.has(materialId)) for (const file of list) editor.removeFile(materialId, file.id);
      }
      await editor.flush();
      const application = await submitter.current();
      navigate(`/applications/${encodeURIComponent(application.number)}/receipt`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'APPLICATION_INVALID') {
        const placed = placeIssues(error.issues);
        setProblems({ form: placed.form, materials: placed.materials, general: placed.general });
        setSubmitError(`${error.message}：请按标出的提示修改后再提交。`);
      } else if (error instanceof ApiError && error.code === 'MATTER_VERSION_SUPERSEDED') {
        onReload();
      } else if (error instanceof ApiError && (error.status === 0 || error.status >= 500)) {
        setSubmitError(`${error.message}。您的申请可能尚未送达，请再次点击“提交申请”（不会重复提交）。`);
      } else {
        setSubmitError(error instanceof Error ? error.message : '提交失败，请稍后重试');
      }
    } finally {
      setSubmitting('idle');
    }
  };

  const upgrade = draft.upgrade;
  return (
    <div className="apply">
      {isPreview && (
        <p className="preview-banner" role="note">
          预览：第 {matter.version} 版（{matter.status === 'published' ? '已发布' : '尚未发布'}
          ），仅供工作人员核对，不能保存或提交。
        </p>
      )}
      {draft.isOnBehalf && draft.applicant && (
        <p className="callout" role="note">
          代办：为申请人 {draft.applicant.name}（身份证号 {draft.applicant.idNumberMasked}）填报
        </p>
      )}
      {editor.notice && (
        <div className="callout callout-warning" role="alert">
          <p>{editor.notice}</p>
          <button type="button" className="button button-link" onClick={editor.dismissNotice}>
            知道了
          </button>
        </div>
      )}
      {upgrade && (
        <section className="callout callout-warning" aria-labelledby="upgrade-heading">
          <h2 id="upgrade-heading">
            本事项已更新（第 {upgrade.fromVersion} 版 → 第 {upgrade.toVersion} 版），您的草稿已按新版调整
          </h2>
          {upgrade.changes.length > 0 && (
            <ul className="plain-list">
              {upgrade.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          )}
          {upgrade.dropped.length > 0 ? (
            <>
              <p>以下内容已不适用于新版，已移除，请核对：</p>
              <ul className="plain-list">
                {upgrade.dropped.map((pointer) => (
                  <li key={pointer}>{describePointer(pointer, document, matter.previous)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>您填写的内容全部保留。</p>
          )}
        </section>
      )}
      {!isPreview && <SaveStatus save={editor.save} onRetry={() => void editor.flush().catch(() => undefined)} />}
      <PluginAlert plugins={editor.plugins} />
      {questions.length > 0 && (
        <section aria-labelledby="questions-heading">
          <h2 id="questions-heading" className="apply-step">
            第一步：选择办理情形
          </h2>
          <GuideQuestions questions={questions} answers={editor.answers} onAnswer={editor.setAnswer} />
        </section>
      )}
      {schema ? (
        <section className="apply-body" aria-labelledby="form-heading">
          <h2 id="form-heading" className="apply-step">
            {questions.length > 0 ? '第二步：' : ''}填写申请表并上传材料
          </h2>
          <p className="muted">带 * 的为必填项。{!isPreview && '填写内容自动保存，可随时离开、稍后在“我的办件”中继续填写。'}</p>
          <FreeTextForm>
            <Form
              key={editor.generation}
              className="rjsf apply-form"
              schema={schema}
              uiSchema={uiSchema}
              validator={matter.validator}
              widgets={WIDGETS}
              formData={editor.formData}
              onChange={(event) => {
                // In a transition: the slots and the form re-render in the background, not in the keystroke.
                startTransition(() => editor.setFormData((event.formData ?? {}) as Record<string, unknown>));
                if (Object.keys(problems.form).length > 0) setProblems((p) => ({ ...p, form: {} }));
              }}
              onSubmit={() => void submit()}
              onError={() => setHasTriedSubmit(true)}
              noHtml5Validate
              liveValidate={hasTriedSubmit ? 'onChange' : undefined}
              showErrorList={false}
              focusOnFirstError
              transformErrors={transformErrors}
              translateString={translateString}
              extraErrors={problems.form}
              disabled={submitting === 'busy'}
            >
              <MaterialSlots
                slots={slots}
                files={editor.files}
                draftId={draft.id}
                situations={resolution.situations}
                issues={problems.materials}
                isReadOnly={isPreview}
                onAdd={editor.addFile}
                onRemove={editor.removeFile}
              />
              <PluginNotes plugins={editor.plugins} />
              <div className="submit-row">
                {unanswered.length > 0 && (
                  <p className="notice">请先回答上方 {unanswered.length} 个办理情形问题，材料清单才完整。</p>
                )}
                {problems.general.length > 0 && (
                  <ul className="slot-errors">
                    {problems.general.map((message) => (
                      <li key={message}>{message}</li>
                    ))}
                  </ul>
                )}
                {submitError && (
                  <p className="notice notice-error" role="alert">
                    {submitError}
                  </p>
                )}
                <button
                  type="submit"
                  className="button button-primary button-block"
                  disabled={isPreview || submitting === 'busy' || unanswered.length > 0}
                >
                  {submitting === 'busy' ? '正在提交…' : '提交申请'}
                </button>
                {isPreview && <p className="muted">预览模式不能提交。</p>}
              </div>
            </Form>
          </FreeTextForm>
        </section>
      ) : (
        <p className="notice notice-error">本事项尚未发布在线申请表，请到窗口办理。</p>
      )}
    </div>
  );
}
