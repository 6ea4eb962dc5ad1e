import type { ApiIssue } from '@matterflow/schemas';
import { useCallback, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../api/api';
import { conflictFields, mergeConflict, type ConflictField } from './documentConflict';
import type { MatterVersion } from './MatterVersion';
import { documentIssues } from './pointers';
import type { JsonObject } from './SectionProps';

export interface Conflict {
  current: MatterVersion;
  fields: ConflictField[];
}

export interface Draft {
  saved: MatterVersion;
  document: JsonObject;
  isDirty: boolean;
  isSaving: boolean;
  issues: ApiIssue[];
  /** A save refused for a reason that is not a field (no longer a draft, no permission …). */
  error?: string;
  conflict?: Conflict;
  setDocument: (next: JsonObject) => void;
  save: () => Promise<void>;
  /** Takes the stored draft with my value in each field chosen as mine, and saves on its revision. */
  resolveConflict: (choices: Record<string, 'theirs' | 'mine'>) => Promise<void>;
  cancelConflict: () => void;
}

/**
 * The one document both views edit, and its saves: PUT with the revision it was loaded at. A stale
 * revision (someone saved in between) keeps everything typed and offers the fields that differ to
 * choose from; field issues of a refused save point into the document.
 */
export function useDraft(loaded: MatterVersion): Draft {
  const [saved, setSaved] = useState(loaded);
  const [document, setDocumentState] = useState(loaded.document);
  const [isSaving, setSaving] = useState(false);
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [error, setError] = useState<string>();
  const [conflict, setConflict] = useState<Conflict>();
  const latest = useRef(document);
  const isDirty = useMemo(() => JSON.stringify(document) !== JSON.stringify(saved.document), [document, saved]);

  const setDocument = useCallback((next: JsonObject) => {
    latest.current = next;
    setDocumentState(next);
  }, []);

  const send = useCallback(
    async (revision: number, sent: JsonObject, base: MatterVersion) => {
      setSaving(true);
      setError(undefined);
      try {
        const answer = await api.put<MatterVersion>(`/api/matters/${base.code}/draft`, { revision, document: sent });
        setSaved(answer);
        setIssues([]);
        setConflict(undefined);
        // What was typed while the save was on its way stays; only a document still as sent follows the answer.
        if (latest.current === sent) setDocument(answer.document);
      } catch (caught) {
        if (!(caught instanceof ApiError)) throw caught;
        if (caught.code === 'REVISION_CONFLICT') {
          const current = await api.get<MatterVersion>(`/api/matters/${base.code}/versions/${base.version}`);
          setConflict({ current, fields: conflictFields(base.document, current.document, sent) });
        } else if (caught.issues.length > 0) {
          setIssues(documentIssues(caught.issues));
          setError(caught.message);
        } else setError(caught.message);
      } finally {
        setSaving(false);
      }
    },
    [setDocument],
  );

  const save = useCallback(() => send(saved.revision, latest.current, saved), [send, saved]);

  const resolveConflict = useCallback(
    async (choices: Record<string, 'theirs' | 'mine'>) => {
      if (!conflict) return;
      const merged = mergeConflict(conflict.current.document, conflict.fields, choices);
      // From here the stored draft is the base: a further conflict compares against it.
      setSaved(conflict.current);
      setConflict(undefined);
      setDocument(merged);
      await send(conflict.current.revision, merged, conflict.current);
    },
    [conflict, send, setDocument],
  );

  return {
    saved,
    document,
    isDirty,
    isSaving,
    issues,
    ...(error ? { error } : {}),
    ...(conflict ? { conflict } : {}),
    setDocument,
    save,
    resolveConflict,
    cancelConflict: () => setConflict(undefined),
  };
}
