/**
 * The HTTP headers of the served app (`npm start`, `vite preview`; the dev server gets all but the
 * CSP, which Vite's inline HMR client would break). The page and its workers load nothing beyond
 * their own origin: scripts, workers, styles, fetches and fonts from 'self' only; WebAssembly
 * compiled from our own .wasm files ('wasm-unsafe-eval', no JavaScript eval); images also from
 * data:/blob: URLs (canvas and SVG exports); no plugins, no framing by other sites. Data files get
 * a real Content-Type, and a .gz file is sent as the gzip bytes it is (application/gzip, no
 * Content-Encoding), so the app's capped decompression is the only one.
 */
import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import type { Connect } from 'vite';

/** Cross-origin isolation lets the WASM backend use SharedArrayBuffer where it is safe to. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/** The Content-Security-Policy of the built app. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Headers on every response of the dev server. */
export const DEV_HEADERS = {
  ...ISOLATION_HEADERS,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
  'Referrer-Policy': 'no-referrer',
} as const;

/** Headers on every response of the preview server (the served, built app). */
export const PREVIEW_HEADERS = { ...DEV_HEADERS, 'Content-Security-Policy': CONTENT_SECURITY_POLICY } as const;

/** Data files the app fetches, by extension, and the Content-Type each is served with. */
const DATA_TYPES: Record<string, string> = {
  npy: 'application/octet-stream',
  npz: 'application/zip',
  bin: 'application/octet-stream',
  safetensors: 'application/octet-stream',
  parquet: 'application/vnd.apache.parquet',
  gz: 'application/gzip',
  tsv: 'text/tab-separated-values; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
};

/** The Content-Type of a data file's path (query and hash ignored), or null when it is not one. */
export function dataContentType(path: string): string | null {
  const clean = path.split(/[?#]/)[0].toLowerCase();
  const dot = clean.lastIndexOf('.');
  return dot >= 0 && dot > clean.lastIndexOf('/') ? (DATA_TYPES[clean.slice(dot + 1)] ?? null) : null;
}

/**
 * Middleware for data files under `root`: the right Content-Type (and no Content-Encoding for .gz);
 * a missing one answers 404 instead of the page's HTML, so the app can say "not found".
 */
export function dataFiles(rootOf: () => string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const root = resolve(rootOf());
    const path = decodePath(req.url ?? '/');
    const type = path === null ? null : dataContentType(path);
    if (path === null || type === null) return next();
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      for (const [name, value] of Object.entries(PREVIEW_HEADERS)) res.setHeader(name, value);
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`Not found: ${path}\n`);
      return;
    }
    // Vite's static server (sirv) passes its headers to writeHead, or (under its compression
    // middleware) to setHeader one by one: correct them in both. Only the Content-Encoding sirv
    // sets for a stored .gz is dropped; one the compression adds for text stays.
    const stored = /\.(gz|br)$/i.test(path);
    const fix = (name: string, value: unknown): unknown => {
      const key = name.toLowerCase();
      if (key === 'content-type') return type;
      if (key === 'content-encoding' && stored && value !== 'identity') return undefined;
      return value;
    };
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name: string, value: number | string | readonly string[]) => {
      const v = fix(name, value) as typeof value | undefined;
      return v === undefined ? res : setHeader(name, v);
    };
    const writeHead = res.writeHead.bind(res) as (code: number, headers?: Record<string, unknown>) => typeof res;
    (res as { writeHead: unknown }).writeHead = (code: number, headers?: Record<string, unknown>) => {
      if (headers) {
        for (const name of Object.keys(headers)) {
          const v = fix(name, headers[name]);
          if (v === undefined) delete headers[name];
          else headers[name] = v;
        }
      }
      return writeHead(code, headers);
    };
    res.setHeader('Content-Type', type);
    next();
  };
}

function decodePath(url: string): string | null {
  try {
    return decodeURIComponent(url.split(/[?#]/)[0]);
  } catch {
    return null;
  }
}
