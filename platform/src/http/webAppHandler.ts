import express, { type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';

const cspOf = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

const COMMON_CSP = {
  'default-src': "'self'",
  'script-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  // Same origin only: the admin UI shows the portal's own preview page in a frame.
  'frame-ancestors': "'self'",
};

/**
 * The portal's pages may run only the scripts and styles the build wrote (no inline script, no
 * eval, nothing from another origin); the API it calls is the same origin. The precompiled
 * condition modules (`/api/matters/{code}/conditions.js`) are same-origin scripts too.
 */
export const PORTAL_CSP = cspOf({ ...COMMON_CSP, 'style-src': "'self'" });

/**
 * The staff app: scripts as strict as the portal's. Styles may be inline because antd and Monaco
 * write their styles at run time (docs/adr/016); a style cannot run script. Monaco's language
 * workers are same-origin files of the build. Frames: the portal's preview (same origin) and the
 * workbench's PDF preview, a `blob:` of a file fetched from the API (files are served as
 * attachments, so a frame of their URL would only download them).
 */
export const ADMIN_CSP = cspOf({
  ...COMMON_CSP,
  'style-src': "'self' 'unsafe-inline'",
  'worker-src': "'self'",
  'frame-src': "'self' blob:",
});

const missingBuildPage = (name: string, dir: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>服务暂不可用</title></head>
<body><h1>${name}尚未构建</h1><p>服务器找不到${name}的构建结果（${dir}）。请运行 <code>npm run build</code> 后重启；<code>npm start</code> 会自动构建。</p>
<p>The build of ${dir} is missing: run <code>npm run build</code>.</p></body></html>`;

/** A client route (no file extension in its last segment) gets index.html; a missing file is a 404. */
const isClientRoute = (path: string) => !/\.[^/]*$/.test(path);

/**
 * Serves a built web app (the citizen portal at `/`, the staff app at `/admin/`): hashed assets
 * (`assets/…`) cached for a year, every client route answered with index.html (revalidated on
 * each visit, so a new build is seen at once), each with the app's CSP. Without a build the server
 * still runs the API; pages answer 503 with a plain page saying how to build, and the start-up log
 * says it once.
 */
export function webAppHandler({
  dir,
  logger,
  csp,
  name,
}: {
  dir: string;
  logger: Logger;
  csp: string;
  /** The app's name in the page that says the build is missing, e.g. 门户. */
  name: string;
}): RequestHandler[] {
  const index = join(dir, 'index.html');
  const withCsp: RequestHandler = (_req, res, next) => {
    res.setHeader('Content-Security-Policy', csp);
    next();
  };
  if (!existsSync(index)) {
    logger.warn({ dir }, `${name}构建缺失，页面将返回 503：请运行 npm run build`);
    const page = missingBuildPage(name, dir);
    return [
      withCsp,
      (req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        res.status(503).type('html').setHeader('Retry-After', '30').send(page);
      },
    ];
  }
  const files = express.static(dir, {
    index: false,
    fallthrough: true,
    setHeaders(res, path) {
      // Vite names assets after their content hash: a changed file is a new URL.
      const isHashed = path.startsWith(join(dir, 'assets'));
      res.setHeader('Cache-Control', isHashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isClientRoute(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (error) => {
      if (error) next(error);
    });
  };
  const notFound: RequestHandler = (_req, res) => {
    res.status(404).type('text').send('未找到该文件');
  };
  return [withCsp, files, fallback, notFound];
}
