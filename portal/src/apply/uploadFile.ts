import { ApiError, type ApiIssue } from '../api/getJson';
import type { FileView } from '../api/intakeApi';
import { csrfToken } from '../session/sessionStore';

/**
 * Uploads one file into a material slot of a draft or, for a 补正, of an application (`POST /api/files`: the text fields before the
 * file, as the platform streams the body). XMLHttpRequest, because fetch reports no upload
 * progress. A refusal carries the platform's Chinese message (too large, wrong type by content…).
 */
export async function uploadFile(
  { materialId, file, ...owner }: ({ draftId: string } | { applicationNumber: string }) & { materialId: string; file: File },
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<FileView> {
  const token = await csrfToken();
  const body = new FormData();
  // A draft's slot, or (a 补正 answer) a material of a submitted application.
  if ('draftId' in owner) body.append('draftId', owner.draftId);
  else body.append('applicationNumber', owner.applicationNumber);
  body.append('materialId', materialId);
  body.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/files');
    request.setRequestHeader('Accept', 'application/json');
    if (token) request.setRequestHeader('X-CSRF-Token', token);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const answer = request.response as
        (FileView & { error?: undefined }) | { error?: { code?: string; message?: string; issues?: ApiIssue[] } } | null;
      if (request.status === 201 || request.status === 200) return resolve(answer as FileView);
      const error = answer?.error;
      reject(
        new ApiError(
          request.status,
          error?.code ?? 'HTTP',
          error?.message ?? (request.status === 413 ? '文件过大，无法上传' : `上传失败（${request.status}）`),
          error?.issues ?? [],
        ),
      );
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK', '网络连接失败，文件未上传，请重试'));
    request.onabort = () => reject(new ApiError(0, 'ABORTED', '已取消上传'));
    signal?.addEventListener('abort', () => request.abort());
    request.send(body);
  });
}
