// A static server for the site with the headers a real host should send (README: "Serve it").
// Loopback only. Run: node serve.mjs DIR [PORT]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The headers every response carries. */
export const HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Serves `dir` on 127.0.0.1:`port` (0: any free port); resolves to { url, close }. */
export function serve(dir, port = 0) {
  const root = resolve(dir);
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    const type = TYPES[extname(file)];
    if (!file.startsWith(root + sep) || !type || req.method !== 'GET') {
      res.writeHead(404, HEADERS).end();
      return;
    }
    try {
      const body = await readFile(file);
      // The page and the service worker are always checked again; the rest may be cached.
      const fresh = type.startsWith('text/html') || file.endsWith(`${sep}sw.js`);
      res.writeHead(200, { ...HEADERS, 'Content-Type': type, 'Cache-Control': fresh ? 'no-cache' : 'max-age=3600' });
      res.end(body);
    } catch {
      res.writeHead(404, HEADERS).end();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () =>
      ok({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(done);
          }),
      }),
    );
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, port = '8080'] = process.argv.slice(2);
  const { url } = await serve(dir, Number(port));
  console.log(`Lykt on ${url} (Ctrl-C stops it)`);
}
