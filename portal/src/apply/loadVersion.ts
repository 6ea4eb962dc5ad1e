import type { MatterDocument } from '@matterflow/schemas';
import { intakeApi } from '../api/intakeApi';
import { portalApi } from '../api/portalApi';
import { installConditions, loadConditionModule } from '../situations/installConditions';

/** One version's document with its precompiled conditions installed, so situations resolve under the CSP. */
export async function loadVersion(
  code: string,
  version: number,
): Promise<{ name: string; status: string | undefined; document: MatterDocument }> {
  const [matter, conditions] = await Promise.all([
    intakeApi.matterVersion(code, version),
    loadConditionModule(portalApi.conditionsUrl(code, version)),
  ]);
  installConditions(matter.document, conditions, version);
  return { name: matter.name, status: matter.status, document: matter.document };
}
