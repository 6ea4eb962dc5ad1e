import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/getJson';
import { intakeApi, type Draft, type FileView } from '../api/intakeApi';
import { slotFileIds, slotFilesOf, type SlotFiles } from './draftFiles';

/** How long typing may pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 800;

export type SaveState =
  { status: 'saved'; at: Date } | { status: 'pending' } | { status: 'saving' } | { status: 'failed'; message: string };

interface Content {
  answers: Record<string, string>;
  formData: Record<string, unknown>;
  files: SlotFiles;
}

const contentOf = (draft: Draft): Content => ({
  answers: draft.answers ?? {},
  formData: draft.formData ?? {},
  files: slotFilesOf(draft),
});

const savedAt = (draft: Draft) => (draft.updatedAt ? new Date(draft.updatedAt) : new Date());

/**
 * One draft being filled: its answers, form data and files, saved to the platform a moment after
 * each change (one save in flight at a time, each with the revision the last save returned). A
 * save refused as stale (DRAFT_CONFLICT: the draft was changed in another tab or device) reloads
 * the draft and says so; `generation` changes then, so the form shows what was loaded.
 */
export function useDraftEditor(initial: Draft, { isReadOnly = false }: { isReadOnly?: boolean } = {}) {
  const [content, setContent] = useState<Content>(() => contentOf(initial));
  const [save, setSave] = useState<SaveState>({ status: 'saved', at: savedAt(initial) });
  const [notice, setNotice] = useState<string | undefined>();
  // What the plugins said of the last content saved: fees, required materials, issues, prefill sources.
  const [plugins, setPlugins] = useState(initial.plugins ?? null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(content);
  const revision = useRef(initial.revision);
  const isDirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void>>(Promise.resolve());

  const reload = useCallback(
    async (message: string) => {
      const fresh = await intakeApi.draft(initial.id);
      revision.current = fresh.revision;
      setPlugins(fresh.plugins ?? null);
      latest.current = contentOf(fresh);
      isDirty.current = false;
      setContent(latest.current);
      setGeneration((n) => n + 1);
      setSave({ status: 'saved', at: savedAt(fresh) });
      setNotice(message);
    },
    [initial.id],
  );

  const saveNow = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const run = async () => {
      if (!isDirty.current || isReadOnly) return;
      isDirty.current = false;
      const sent = latest.current;
      setSave({ status: 'saving' });
      try {
        const saved = await intakeApi.saveDraft(initial.id, {
          revision: revision.current,
          answers: sent.answers,
          formData: sent.formData,
          materials: slotFileIds(sent.files),
        });
        revision.current = saved.revision;
        setPlugins(saved.plugins ?? null);
        setSave(isDirty.current ? { status: 'pending' } : { status: 'saved', at: savedAt(saved) });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'DRAFT_CONFLICT') {
          await reload('这份草稿刚在另一个页面或设备上修改过，已为您载入最新内容，请检查后继续填写。');
          return;
        }
        // Kept dirty: the next change, or the submit, tries again.
        isDirty.current = true;
        setSave({ status: 'failed', message: error instanceof Error ? error.message : '保存失败' });
        throw error;
      }
    };
    inFlight.current = inFlight.current.then(run, run);
    return inFlight.current;
  }, [initial.id, isReadOnly, reload]);

  const change = useCallback(
    (next: Partial<Content>) => {
      latest.current = { ...latest.current, ...next };
      setContent(latest.current);
      if (isReadOnly) return;
      isDirty.current = true;
      setSave({ status: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow().catch(() => undefined), AUTOSAVE_DELAY_MS);
    },
    [isReadOnly, saveNow],
  );

  // Leaving the page, or the editor, saves what was typed in the last moment (rather than dropping
  // the pending save: React may also unmount and mount again an editor that stays).
  useEffect(() => {
    const saveNowIfDirty = () => {
      if (isDirty.current) void saveNow().catch(() => undefined);
    };
    window.addEventListener('pagehide', saveNowIfDirty);
    return () => {
      window.removeEventListener('pagehide', saveNowIfDirty);
      saveNowIfDirty();
    };
  }, [saveNow]);

  return {
    ...content,
    plugins,
    save,
    notice,
    generation,
    dismissNotice: () => setNotice(undefined),
    setAnswer: (questionId: string, value: string) => change({ answers: { ...latest.current.answers, [questionId]: value } }),
    setFormData: (formData: Record<string, unknown>) => change({ formData }),
    addFile: (materialId: string, file: FileView) =>
      change({ files: { ...latest.current.files, [materialId]: [...(latest.current.files[materialId] ?? []), file] } }),
    removeFile: (materialId: string, fileId: string) =>
      change({
        files: { ...latest.current.files, [materialId]: (latest.current.files[materialId] ?? []).filter((f) => f.id !== fileId) },
      }),
    /** Saves anything not yet saved; resolves once the platform holds it (the submit waits for it). */
    flush: async () => {
      await saveNow();
      await inFlight.current;
    },
    reload,
  };
}
