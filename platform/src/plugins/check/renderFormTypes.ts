import { schemaToTypeScript } from './schemaToTypeScript';

/** Matter code → that matter's form JSON Schema (the host passes the latest version's). */
export type MatterForms = Readonly<Record<string, unknown>>;

/**
 * `forms.d.ts` for a plugin: `Form_<code>` per target matter and `Form`, their union, so
 * `input.form.transfereeIdNumber` is checked against the form the applicant actually fills in.
 * Forms keep `additionalProperties` as they declare it: a form that allows extra fields types them.
 */
export async function renderFormTypes(forms: MatterForms): Promise<string> {
  const codes = Object.keys(forms).sort();
  const parts: string[] = [];
  for (const code of codes) parts.push(await schemaToTypeScript(forms[code], `Form_${code}`));
  const union = codes.length ? codes.map((code) => `Form_${code}`).join(' | ') : 'Record<string, unknown>';
  return `// Generated from the target matters' form schemas (npm run plugin -- types). Do not edit: the upload check regenerates it.\n\n${parts.join('\n')}\nexport type Form = ${union};\n`;
}
