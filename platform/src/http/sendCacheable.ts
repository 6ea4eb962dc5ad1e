import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { isStaff, type Reply } from '../kernel';
import { actorOf } from './sessionMiddleware';

const CACHE_CONTROL = {
  // The version in force changes on publish, schedule, retire and at midnight: ask every time, and
  // a 304 costs no body.
  revalidate: 'public, no-cache',
  immutable: 'public, max-age=31536000, immutable',
} as const;

/** A strong entity tag: the same bytes, the same tag, in every process. */
export function strongEtag(bytes: string | Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match is a list of tags (or `*`), compared weakly (RFC 9110 §13.1.2). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

async function wholeText(stream: AsyncIterable<Uint8Array | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * Sends a reply that asked to be cacheable; false when it is not (no `cache`), so the caller sends
 * it as usual. A staff reader's answer may carry what the public must not see (private notes,
 * drafts): it is `private, no-store` whatever the route asked. Public answers say `Vary: Cookie`,
 * so a shared cache never hands the anonymous copy to a signed-in reader or the other way round.
 */
export async function sendCacheable(reply: Reply, res: Response): Promise<boolean> {
  if (!reply.cache) return false;
  res.setHeader('Vary', 'Cookie');
  if (isStaff(actorOf(res))) {
    res.setHeader('Cache-Control', 'private, no-store');
    return false;
  }
  const bytes = reply.stream ? await wholeText(reply.stream) : Buffer.from(JSON.stringify(reply.body ?? null), 'utf8');
  const etag = reply.cache.etag ?? strongEtag(bytes);
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', CACHE_CONTROL[reply.cache.policy]);
  const status = reply.status ?? 200;
  if (status === 200 && matchesIfNoneMatch(res.req.get('If-None-Match'), etag)) {
    res.status(304).end();
    return true;
  }
  if (!reply.stream && !res.getHeader('Content-Type')) res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.status(status).end(bytes);
  return true;
}
