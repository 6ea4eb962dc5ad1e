import type { TestClient } from './TestClient';

/** Creates a matter and takes it through legal review to published, as a legal clerk would; fails loudly. */
export async function publishMatter(legal: TestClient, document: { code: string; [key: string]: unknown }): Promise<void> {
  const steps = [
    () => legal.post('/api/matters', { document }),
    () => legal.post(`/api/matters/${document.code}/transitions`, { action: 'submit' }),
    () => legal.post(`/api/matters/${document.code}/transitions`, { action: 'publish' }),
  ];
  for (const step of steps) {
    const response = await step();
    if (response.status >= 300) throw new Error(`publishing ${document.code}: ${response.status} ${response.text}`);
  }
}
