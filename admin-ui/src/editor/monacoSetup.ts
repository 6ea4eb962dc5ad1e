// Chinese messages first: Monaco reads them from a global when its modules first ask.
import 'monaco-editor/nls/lang/zh-cn';
import { loader } from '@monaco-editor/react';
import { flowMetaSchema, matterMetaSchema } from '@matterflow/schemas';
import * as monaco from 'monaco-editor/editor/editor.api';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
// The slim entry (editor.api) has no editing features; these are the ones a JSON document needs.
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/features/find/register';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/format/browser/formatActions';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/smartSelect/browser/smartSelect';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/common/standaloneStrings';
// Services some of the contributions above ask for; the slim entry does not register them, and
// the editor logs an error for each one missing.
import 'monaco-editor/editor/contrib/codelens/browser/codeLensCache';
import 'monaco-editor/editor/common/services/treeViewsDndService';

/**
 * Monaco for the JSON view, all from the build: the workers are files of the build (`?worker`),
 * and @monaco-editor/react is handed this copy so it never loads one from a CDN. This module is
 * imported only when the JSON view first opens.
 */
self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

export const MATTER_MODEL_PREFIX = 'inmemory://matterflow/matter/';

// The meta-schemas give the JSON view its diagnostics and completion; nothing is requested.
jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemas: [
    { uri: String(matterMetaSchema.$id), fileMatch: [`${MATTER_MODEL_PREFIX}*`], schema: matterMetaSchema },
    { uri: String(flowMetaSchema.$id), schema: flowMetaSchema },
  ],
});

loader.config({ monaco });

export { monaco };
