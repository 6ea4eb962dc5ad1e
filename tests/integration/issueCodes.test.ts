import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPublishable } from '../../platform/src/catalog/checks';
import { checkCatalogQuality, qualityRules } from '../../platform/src/catalog/quality';
import { makeUscc } from '../../platform/src/departments';
import { issueCodes } from '../../platform/src/kernel/issueCodes';
import { departmentCode, foodLicence, scjgCode } from '../support/matterFixtures';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

const catalogued = Object.keys(issueCodes);

/** `area.snake_case`; `schema.*` keeps the JSON Schema keyword's own spelling. */
const CODE_STYLE = /^(?:[a-z]+\.[a-z0-9]+(?:_[a-z0-9]+)*|schema\.[a-z][a-zA-Z]*)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' || name === 'node_modules' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const CATALOGUE = join('platform', 'src', 'kernel', 'issueCodes.ts');
const sources = [...sourceFiles('platform/src'), ...sourceFiles('schemas/src')]
  .filter((path) => path !== CATALOGUE)
  .map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/**
 * Issue codes written in the source: string literals in a `code:` position. Error codes
 * (UPPER_CASE) share the property name and are checked against docs/errors.md elsewhere.
 * A template such as `${codePrefix}.condition_invalid` becomes a pattern its codes must match.
 */
function codesInSource(): { literals: Map<string, string>; templates: Map<string, string> } {
  const literals = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const { path, text } of sources) {
    for (const match of text.matchAll(/\bcode:\s*(['"])([a-z][^'"\n]*)\1/g)) literals.set(match[2] ?? '', path);
    for (const match of text.matchAll(/\bcode:\s*`([^`\n]*\$\{[^`\n]*)`/g)) templates.set(match[1] ?? '', path);
  }
  return { literals, templates };
}

function templatePattern(template: string): RegExp {
  const parts = template.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[A-Za-z_]+')}$`);
}

/** The codes in the first column of the tables of a markdown file, e.g. | `code.malformed` | … */
function documentedRows(file: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const code = /^`([a-z][a-zA-Z0-9_.]*)`$/.exec(cells[1] ?? '')?.[1];
    if (code?.includes('.')) rows.set(code, cells.slice(2, -1));
  }
  return rows;
}

describe('issue codes', () => {
  const { literals, templates } = codesInSource();
  const documented = documentedRows('docs/issues.md');

  it('follow one naming style', () => {
    for (const code of catalogued) expect(code, code).toMatch(CODE_STYLE);
  });

  it('are all documented in docs/issues.md with the catalogue’s meaning, and the document lists no others', () => {
    for (const code of catalogued) {
      expect(documented.has(code), `${code} missing from docs/issues.md`).toBe(true);
      expect(documented.get(code)?.[0], code).toBe(issueCodes[code as keyof typeof issueCodes]);
    }
    for (const code of documented.keys()) expect(catalogued, `${code} is documented but not catalogued`).toContain(code);
  });

  it('are catalogued wherever the source writes one', () => {
    expect(literals.size).toBeGreaterThan(40);
    for (const [code, path] of literals)
      expect.soft(catalogued, `${code} (${path}) is not in kernel/issueCodes.ts`).toContain(code);
    expect(templates.size).toBeGreaterThan(0);
    for (const [template, path] of templates) {
      const pattern = templatePattern(template);
      expect(
        catalogued.some((code) => pattern.test(code)),
        `no catalogued code matches \`${template}\` (${path})`,
      ).toBe(true);
    }
  });

  it('are each still raised somewhere (no stale entries)', () => {
    const everything = sources.map(({ text }) => text).join('\n');
    const patterns = [...templates.keys()].map(templatePattern);
    for (const code of catalogued) {
      const isWritten = everything.includes(`'${code}'`) || patterns.some((pattern) => pattern.test(code));
      expect.soft(isWritten, `${code} is catalogued but nothing raises it`).toBe(true);
    }
  });

  it('include every quality rule id, so a rule and an issue of the same name are the same rule', () => {
    for (const rule of qualityRules) expect(catalogued, rule.id).toContain(rule.id);
  });

  it('are the only codes docs/checks.md and docs/quality.md name', () => {
    for (const file of ['docs/checks.md', 'docs/quality.md']) {
      const codes = [...documentedRows(file).keys()];
      expect(codes.length, file).toBeGreaterThan(10);
      for (const code of codes) expect.soft(catalogued, `${code} in ${file}`).toContain(code);
    }
  });
});

describe('one defect, one code, wherever it is found', () => {
  let server: TestServer;
  let legal: TestClient;
  let knownDepartments: Set<string>;
  beforeAll(async () => {
    server = await startTestServer();
    legal = await server.login('legal');
    const rows = await server.deps.db.query<{ code: string }>('SELECT code FROM departments');
    knownDepartments = new Set(rows.rows.map((row) => row.code));
  });
  afterAll(() => server?.close());

  const scjg = scjgCode();
  const unregistered = makeUscc({ prefix: '11', region: '439999', orgBody: '00601009' });
  const badCheckDigit = `${scjg.slice(0, 17)}${scjg.endsWith('0') ? '1' : '0'}`;
  const withDepartment = (code: string) => {
    const doc = foodLicence({ suffix: '0009310249001' });
    return { ...doc, code: `${code}0009310249001`, department: { ...doc.department, code } };
  };
  const cases = [
    {
      code: 'code.prefix_mismatch',
      pointer: '/code',
      document: () => ({ ...foodLicence({ suffix: '0009310249001' }), code: `${departmentCode('公安')}0009310249001` }),
      create: { status: 400, error: 'MATTER_CODE_INVALID' },
    },
    {
      code: 'code.malformed',
      pointer: '/code',
      document: () => ({ ...foodLicence({ suffix: '0009310249001' }), code: `${scjg}0009-310249001` }),
      create: { status: 400, error: 'MATTER_CODE_INVALID' },
    },
    {
      code: 'department.unknown',
      pointer: '/department/code',
      document: () => withDepartment(unregistered),
      create: { status: 404, error: 'DEPARTMENT_NOT_FOUND' },
    },
    {
      code: 'department.invalid',
      pointer: '/department/code',
      document: () => withDepartment(badCheckDigit),
      create: { status: 404, error: 'DEPARTMENT_NOT_FOUND' },
    },
  ];

  it.each(cases)(
    '$code: creating, importing, publishing and the quality report agree',
    async ({ code, pointer, document, create }) => {
      const created = await legal.post('/api/matters', { document: document() });
      expect(created.status, created.text).toBe(create.status);
      expect(created.body.error.code).toBe(create.error);
      expect(created.body.error.details).toEqual([expect.objectContaining({ code, pointer: `/document${pointer}` })]);

      const imported = await legal.post('/api/catalog/import', [document()]);
      expect(imported.status, imported.text).toBe(422);
      expect(imported.body.error.details.errors).toContainEqual(expect.objectContaining({ code, pointer }));

      expect(checkPublishable({ document: document(), knownDepartments })).toContainEqual(
        expect.objectContaining({ code, pointer }),
      );
      const report = checkCatalogQuality({
        matters: [{ code: '', version: null, status: 'draft', document: document() }],
        knownDepartments,
      });
      expect(report.findings).toContainEqual(expect.objectContaining({ rule: code, pointer }));
    },
  );
});
