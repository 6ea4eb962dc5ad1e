import { definePlugin } from '@matterflow/plugin-sdk';
import type { Form } from '../forms';

/** A 营业执照 as the `licences` table (standing in for the 电子证照库) holds it, keyed by credit code. */
interface BusinessLicence {
  name: string;
  legalRepName: string;
  address: string;
}

const SOURCE = '电子证照库（营业执照）';

function asLicence(row: unknown): BusinessLicence | null {
  if (!row || typeof row !== 'object') return null;
  const { name, legalRepName, address } = row as Record<string, unknown>;
  return typeof name === 'string' && typeof legalRepName === 'string' && typeof address === 'string'
    ? { name, legalRepName, address }
    : null;
}

export const plugin = definePlugin<Form>({
  hooks: {
    prefill({ applicant }, ctx) {
      // Only an organisation has a 营业执照; a person's application starts empty.
      const code = applicant.kind === 'organisation' ? applicant.creditCode : undefined;
      const licence = code ? asLicence(ctx.lookup('licences', code)) : null;
      if (!code || !licence) return { formData: {} };
      const formData: Partial<Form> = {
        enterpriseName: licence.name,
        uscc: code,
        legalRepName: licence.legalRepName,
        premisesAddress: licence.address,
      };
      return { formData, sources: Object.keys(formData).map((field) => ({ pointer: `/${field}`, source: SOURCE })) };
    },
  },
});
