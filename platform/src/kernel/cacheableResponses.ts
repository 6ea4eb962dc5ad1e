/**
 * What a route whose reply carries `cache` documents: the headers `http/` adds and the 304 it may
 * answer. One copy, so every cacheable route describes caching alike.
 */
export const cacheHeaders = {
  ETag: { description: '强校验标签：内容不变则不变；公众读者的应答才有', schema: { type: 'string' } },
  'Cache-Control': {
    description: '公众：public, no-cache（每次向服务器确认）或已生效版本的 immutable；工作人员：private, no-store',
    schema: { type: 'string' },
  },
};

/** Every public read answers If-None-Match: the same tag gets 304 and no body. */
export const notModified = { '304': { description: '未修改（If-None-Match 与当前 ETag 相同），无应答体' } };

/** The answers of a route serving a generated ES module (a version's conditions, its form validator). */
export const javascriptModuleResponses = {
  '200': {
    description: 'ES 模块',
    mediaTypes: ['text/javascript'],
    schema: { type: 'string', contentMediaType: 'text/javascript' },
    headers: cacheHeaders,
  },
  ...notModified,
};
