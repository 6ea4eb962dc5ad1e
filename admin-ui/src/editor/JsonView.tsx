import type { ApiIssue } from '@matterflow/schemas';
import { Editor, type OnMount } from '@monaco-editor/react';
import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { locatePointer } from './locatePointer';
import { MATTER_MODEL_PREFIX, monaco } from './monacoSetup';
import type { JsonObject } from './SectionProps';

type CodeEditor = Parameters<OnMount>[0];

export interface JsonViewProps {
  code: string;
  document: JsonObject;
  onChange: (next: JsonObject) => void;
  /** The text as last typed when it does not parse: kept across tab switches, so nothing typed is lost. */
  pendingText: string | null;
  onPendingText: (text: string | null) => void;
  issues: ApiIssue[];
  isReadOnly: boolean;
  focusPointer?: string;
}

const textOf = (document: JsonObject) => JSON.stringify(document, null, 2);
const PARSE_DELAY_MS = 300;

function parseObject(text: string): JsonObject | string {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as JsonObject)
      : '文档应为一个 JSON 对象';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function markersOf(model: monaco.editor.ITextModel, issues: readonly ApiIssue[]): monaco.editor.IMarkerData[] {
  const text = model.getValue();
  if (typeof parseObject(text) === 'string') return [];
  return issues.map((issue) => {
    const span = locatePointer(text, issue.pointer);
    const start = model.getPositionAt(span.start);
    const end = model.getPositionAt(span.end);
    return {
      severity: monaco.MarkerSeverity.Error,
      message: issue.message,
      source: '平台校验',
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  });
}

/**
 * The JSON view: Monaco over the same document, with the meta-schema's diagnostics and completion
 * (monacoSetup.ts) and the save answer's field issues as markers. Typing is parsed after a pause;
 * text that does not parse leaves the document as it last was, and says so.
 */
export function JsonView({
  code,
  document,
  onChange,
  pendingText,
  onPendingText,
  issues,
  isReadOnly,
  focusPointer,
}: JsonViewProps) {
  const editorRef = useRef<CodeEditor | null>(null);
  const emitted = useRef<JsonObject | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [parseError, setParseError] = useState<string | null>(() => {
    const parsed = pendingText === null ? null : parseObject(pendingText);
    return typeof parsed === 'string' ? parsed : null;
  });

  const applyMarkers = () => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelMarkers(model, 'matterflow', markersOf(model, issues));
  };
  const reveal = (pointer: string) => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || typeof parseObject(model.getValue()) === 'string') return;
    const span = locatePointer(model.getValue(), pointer);
    const start = model.getPositionAt(span.start);
    const end = model.getPositionAt(span.end);
    editor.setSelection(new monaco.Selection(start.lineNumber, start.column, end.lineNumber, end.column));
    editor.revealRangeInCenter(new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column));
    editor.focus();
  };

  // A document changed from outside (a save answer, a merged conflict) replaces the text.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || document === emitted.current) return;
    emitted.current = document;
    if (pendingText === null) model.setValue(textOf(document));
  }, [document, pendingText]);
  useEffect(applyMarkers, [issues]);
  useEffect(() => {
    if (focusPointer !== undefined) reveal(focusPointer);
  }, [focusPointer]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onEdit = (text: string | undefined) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const parsed = parseObject(text ?? '');
      if (typeof parsed === 'string') {
        setParseError(parsed);
        onPendingText(text ?? '');
        return;
      }
      setParseError(null);
      onPendingText(null);
      emitted.current = parsed;
      onChange(parsed);
      applyMarkers();
    }, PARSE_DELAY_MS);
  };

  return (
    <div className="editor-json">
      {parseError && (
        <Alert
          type="warning"
          showIcon
          title="JSON 格式有误，暂未应用到文档"
          description={`表单视图保留最后一次有效的内容；改正后自动应用。（${parseError}）`}
          className="editor-json-alert"
        />
      )}
      <Editor
        height="70vh"
        language="json"
        path={`${MATTER_MODEL_PREFIX}${code}.json`}
        defaultValue={pendingText ?? textOf(document)}
        loading={<Spin description="正在加载 JSON 编辑器" />}
        options={{
          readOnly: isReadOnly,
          minimap: { enabled: false },
          tabSize: 2,
          automaticLayout: true,
          wordWrap: 'on',
          fixedOverflowWidgets: true,
        }}
        onMount={(editor) => {
          editorRef.current = editor;
          emitted.current = document;
          applyMarkers();
          if (focusPointer !== undefined) reveal(focusPointer);
        }}
        onChange={onEdit}
      />
    </div>
  );
}
