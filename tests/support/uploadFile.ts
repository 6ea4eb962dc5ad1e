import type { TestClient, TestResponse } from './TestClient';

/** POST /api/files as the portal sends it: the draft and material fields first, then the file. */
export async function uploadFile(
  client: TestClient,
  {
    draftId,
    materialId,
    name,
    bytes,
    type = 'application/octet-stream',
  }: { draftId: string; materialId: string; name: string; bytes: Uint8Array; type?: string },
): Promise<TestResponse> {
  const form = new FormData();
  form.set('draftId', draftId);
  form.set('materialId', materialId);
  form.set('file', new Blob([bytes], { type }), name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const body = new Uint8Array(await request.arrayBuffer());
  return client.request('POST', '/api/files', body, { contentType: request.headers.get('content-type') ?? '' });
}
