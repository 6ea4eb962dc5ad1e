import type { ApiIssue } from '@matterflow/schemas';

export type JsonObject = Record<string, unknown>;

/**
 * What the matter editor gives each of its sections (基本信息 … 表单, 流程): the one document both
 * views edit, the field issues that fall in the section, and the pointer an error link asked to
 * show. A section changes the document only through `onChange`, with a whole new document.
 */
export interface SectionProps {
  code: string;
  version: number;
  document: JsonObject;
  onChange: (next: JsonObject) => void;
  /** Issues (server checks and the meta-schema) whose pointer lies in this section. */
  issues: ApiIssue[];
  isReadOnly: boolean;
  /** A JSON pointer to scroll to and highlight, e.g. from a quality finding or a publish refusal. */
  focusPointer?: string;
  /**
   * The editor's save, for a section that shows what is saved (the form's live preview is the
   * portal's page for the saved draft): true when the draft was saved.
   */
  onSave?: () => Promise<boolean>;
}
