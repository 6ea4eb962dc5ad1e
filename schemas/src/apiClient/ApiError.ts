/** A field-level problem the platform names by JSON pointer (docs/issues.md). */
export interface ApiIssue {
  pointer: string;
  code: string;
  message: string;
}

/** An API answer that is not 2xx, with the platform's stable code, its Chinese message and any field issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    /** The error's `details` when they are not field issues (e.g. a conflict's current revision). */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The platform's error body as an ApiError (status 0 is a network failure). */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: unknown };
  } | null;
  // Field issues come as `details` (docs/errors.md); other errors put an object there.
  const details = body?.error?.details;
  const issues = Array.isArray(details)
    ? details.filter((issue): issue is ApiIssue => typeof (issue as Partial<ApiIssue> | null)?.pointer === 'string')
    : [];
  return new ApiError(
    response.status,
    body?.error?.code ?? 'HTTP',
    body?.error?.message ?? `服务暂不可用（${response.status}）`,
    issues,
    details,
  );
}

export const networkError = () => new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
