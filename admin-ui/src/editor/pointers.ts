import type { ApiIssue } from '@matterflow/schemas';

/** The reference tokens of a JSON pointer (`/a~1b/0` → ['a/b', '0']). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function pointerOf(tokens: readonly (string | number)[]): string {
  return tokens.map((token) => `/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * The save and create answers point into the request body (`/document/name`); the editor's views
 * point into the document itself.
 */
export function documentIssues(issues: readonly ApiIssue[]): ApiIssue[] {
  return issues.map((issue) => ({
    ...issue,
    pointer: issue.pointer === '/document' ? '' : issue.pointer.replace(/^\/document(?=\/)/, ''),
  }));
}

/** The id rjsf gives the field at a pointer, with its default prefix and separator (`root_materials_0_name`). */
export function rjsfIdOf(pointer: string): string {
  return ['root', ...parsePointer(pointer)].join('_');
}

export interface ErrorSchema {
  __errors?: string[];
  [key: string]: ErrorSchema | string[] | undefined;
}

/** Field issues as rjsf `extraErrors`: each message under its field, so it shows next to it. */
export function errorSchemaOf(issues: readonly ApiIssue[]): ErrorSchema {
  const root: ErrorSchema = {};
  for (const issue of issues) {
    let node = root;
    for (const token of parsePointer(issue.pointer)) {
      const child = node[token];
      node = child && !Array.isArray(child) ? child : (node[token] = {});
    }
    node.__errors = [...(node.__errors ?? []), issue.message];
  }
  return root;
}

/** Whether `pointer` is `prefix` or lies under it. */
export function isUnder(pointer: string, prefix: string): boolean {
  return pointer === prefix || pointer.startsWith(`${prefix}/`);
}
