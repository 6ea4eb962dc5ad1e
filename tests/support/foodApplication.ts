import type { APIRequestContext } from 'playwright-core';
import type { TestClient, TestResponse } from './TestClient';
import { samplePdf } from './sampleFiles';
import { uploadFile } from './uploadFile';

/** 食品经营许可 of the seed catalog, and a complete application for it by the demo citizen. */
export const FOOD = '11439901006010015W0001310240001';
export const DEMO_CITIZEN_ID = '439901199003071280';
export const DEMO_PASSWORD = 'matterflow-demo';

export const FOOD_FORM = {
  enterpriseName: '云溪县春梅小吃店',
  uscc: '92439901MA4L0XXX1X',
  legalRepName: '李春梅',
  phone: '13800138000',
  premisesAddress: '云溪县城关镇解放路 12 号',
  businessFormat: '餐饮服务经营者',
  businessItems: ['热食类食品制售'],
  safetyManagerName: '李春梅',
  safetyManagerIdNumber: DEMO_CITIZEN_ID,
  byAgent: false,
};

/** The materials the applicant uploads for that form (the others are fetched or not called for). */
export const FOOD_UPLOADS = ['premisesProof', 'equipmentLayout', 'safetyRules'] as const;

export const submitDraft = (client: TestClient, draftId: string, key: string): Promise<TestResponse> =>
  client.request('POST', `/api/drafts/${draftId}/submit`, undefined, { headers: { 'Idempotency-Key': key } });

/**
 * A draft of 食品经营许可 with the form filled and one PDF uploaded per material, ready to submit.
 * `bytesFor` gives each material's file (distinct bytes make distinct stored contents). Throws on
 * any answer other than success, so a caller under load sees where the sequence stopped.
 */
export async function prepareFoodDraft(
  client: TestClient,
  {
    bytesFor = () => samplePdf(),
    upload = (send) => send(),
    onUploaded,
  }: {
    bytesFor?: (materialId: string) => Uint8Array;
    /** Wraps each upload request (to time it). */
    upload?: (send: () => Promise<TestResponse>) => Promise<TestResponse>;
    onUploaded?: (fileId: string) => void;
  } = {},
): Promise<{ id: string; revision: number; fileIds: string[] }> {
  const created = await client.post('/api/drafts', { matterCode: FOOD });
  if (created.status !== 201) throw new Error(`POST /api/drafts: ${created.status} ${created.text}`);
  const draft = created.body as { id: string; revision: number };
  const materials: Record<string, string[]> = {};
  const fileIds: string[] = [];
  for (const materialId of FOOD_UPLOADS) {
    const bytes = bytesFor(materialId);
    const uploaded = await upload(() => uploadFile(client, { draftId: draft.id, materialId, name: `${materialId}.pdf`, bytes }));
    if (uploaded.status !== 201) throw new Error(`POST /api/files: ${uploaded.status} ${uploaded.text}`);
    const fileId = uploaded.body.id as string;
    onUploaded?.(fileId);
    materials[materialId] = [fileId];
    fileIds.push(fileId);
  }
  const saved = await client.put(`/api/drafts/${draft.id}`, {
    revision: draft.revision,
    answers: {},
    formData: FOOD_FORM,
    materials,
  });
  if (saved.status !== 200) throw new Error(`PUT /api/drafts/${draft.id}: ${saved.status} ${saved.text}`);
  return { id: draft.id, revision: (saved.body as { revision: number }).revision, fileIds };
}

/** A 补正 of two items on that application: a material and a field, each with its reason. */
export const FOOD_SUPPLEMENT_ITEMS = [
  { kind: 'material', materialId: 'premisesProof', reason: '经营场所使用证明已过期，请上传有效期内的证明' },
  { kind: 'field', pointer: '/premisesAddress', reason: '经营场所地址与证明上的不一致' },
];

/** The citizen's draft of 食品经营许可, filled and with its files, through the browser's own session. */
export async function prepareFoodDraftInBrowser(request: APIRequestContext, url: string): Promise<string> {
  const { csrfToken } = (await (await request.get(`${url}/api/session`)).json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken };
  const created = await request.post(`${url}/api/drafts`, { headers, data: { matterCode: FOOD } });
  await expectStatus(created, 201);
  const draft = (await created.json()) as { id: string; revision: number };
  const materials: Record<string, string[]> = {};
  for (const materialId of FOOD_UPLOADS) {
    const uploaded = await request.post(`${url}/api/files`, {
      headers,
      multipart: {
        draftId: draft.id,
        materialId,
        file: { name: `${materialId}.pdf`, mimeType: 'application/pdf', buffer: samplePdf(materialId) },
      },
    });
    await expectStatus(uploaded, 201);
    materials[materialId] = [((await uploaded.json()) as { id: string }).id];
  }
  const saved = await request.put(`${url}/api/drafts/${draft.id}`, {
    headers,
    data: { revision: draft.revision, answers: {}, formData: FOOD_FORM, materials },
  });
  await expectStatus(saved, 200);
  return draft.id;
}

/** Throws with the answer's body, so that a failing step says what the platform answered. */
async function expectStatus(response: { status(): number; text(): Promise<string> }, status: number): Promise<void> {
  if (response.status() !== status) throw new Error(`HTTP ${response.status()} (expected ${status}): ${await response.text()}`);
}
