// A teacher's static site for the subscription browser test, run as its own process (stopped by
// PID): GET /published/<file> serves the file from a folder with an ETag and Last-Modified and
// answers 304 to a matching If-None-Match; everything else is passed on to the app's preview
// server, so the published deck shares the app's origin (the CSP allows no plain-http origin).
// Each request for /published/ is logged to stdout as one JSON line.
//   node --import tsx tests/e2e/publish-server.ts <port> <folder> <upstream origin>
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { createServer, request } from 'node:http'
import { join } from 'node:path'

const [port, folder, upstream] = process.argv.slice(2) as [string, string, string]
const target = new URL(upstream)

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  if (path.startsWith('/published/')) {
    const name = path.slice('/published/'.length)
    let status = 200
    try {
      if (!/^[\w.-]+$/.test(name)) throw new Error('bad name')
      const file = join(folder, name)
      const body = readFileSync(file)
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 20)}"`
      const lastModified = statSync(file).mtime.toUTCString()
      const headers = { ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'no-cache' }
      if (req.headers['if-none-match'] === etag) {
        status = 304
        res.writeHead(304, headers).end()
      } else res.writeHead(200, { ...headers, 'Content-Type': 'application/yaml; charset=utf-8' }).end(body)
    } catch {
      status = 404
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
    }
    console.log(JSON.stringify({ path, ifNoneMatch: req.headers['if-none-match'] ?? null, status }))
    return
  }
  const upstreamRequest = request(
    { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
    (upstreamResponse) => {
      res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers)
      upstreamResponse.pipe(res)
    },
  )
  upstreamRequest.on('error', () => res.writeHead(502).end())
  req.pipe(upstreamRequest)
}).listen(Number(port), '127.0.0.1', () => console.log(JSON.stringify({ ready: true })))
