import express from 'express';

/**
 * The baseline of the public-reads benchmark: express with one route answering a small JSON
 * object, nothing else, in its own process like the server it is compared with. Prints its address
 * the way the server logs it, so the same launcher starts both.
 */
const app = express();
app.disable('x-powered-by');
app.get('/bare', (_req, res) => {
  res.json({ status: 'ok' });
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}`, msg: 'bare express listening' }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
