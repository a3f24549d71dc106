// A small static file server for www/: the right MIME types (application/wasm), the page's
// Content-Security-Policy as a header too, no directory listings, nothing outside www/.
// `node scripts/serve.mjs [--port N]` serves http://127.0.0.1:8080/ by default; tests import serve().
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../www/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * Starts the server; resolves to the listening http.Server. Port 0 picks a free port. `cors` lets pages of
 * other origins embed slacalc: "*" for any, or one origin ("https://intranet.example"); the module
 * scripts, the WebAssembly, the zone files and the example log are then sent with
 * Access-Control-Allow-Origin.
 */
export function serve({ port = 8080, host = '127.0.0.1', root = ROOT, cors = '' } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) throw Object.assign(new Error(), { code: 'ENOENT' });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error(), { code: 'ENOENT' });
      const body = await readFile(file);
      const headers = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      };
      if (cors && extname(file) !== '.html') {
        headers['Access-Control-Allow-Origin'] = cors;
        headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
        if (cors !== '*') headers.Vary = 'Origin';
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      const missing = e.code === 'ENOENT' || e.code === 'ENOTDIR' || e instanceof URIError;
      res.writeHead(missing ? 404 : 500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(missing ? 'not found\n' : 'server error\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const port = Number(arg('--port') ?? process.env.PORT ?? 8080);
  // --cors '*' or --cors https://intranet.example: other sites' pages may embed the elements.
  const cors = arg('--cors') ?? process.env.CORS ?? '';
  serve({ port, cors })
    .then((server) => {
      const { address, port } = server.address();
      console.log(`slacalc is served at http://${address}:${port}/  (Ctrl+C stops it)${cors ? `; pages of ${cors === '*' ? 'any site' : cors} may embed it` : ''}`);
    })
    .catch((e) => {
      console.error(`cannot serve on port ${port}: ${e.message}`);
      process.exit(1);
    });
}
