/** Test helpers: tiny fake packages with a regex route, and throwaway HTTP servers that misbehave on purpose. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A stand-in for an edXML package: just enough to carry a sender, recipients and a body. */
export function fakePackage(from: string, to: string[], body = 'nội dung'): Uint8Array {
  const recipients = to.map((code) => `<To>${code}</To>`).join('')
  return new TextEncoder().encode(`<edXML><From>${from}</From>${recipients}<Body>${body}</Body></edXML>`)
}

/** The `route` the stand-in needs, read from a fakePackage with regexes (no edXML library). */
export async function fakeRoute(bytes: Uint8Array): Promise<{ from: string; to: string[] }> {
  const text = new TextDecoder().decode(bytes)
  const from = /<From>([^<]+)<\/From>/.exec(text)?.[1]
  if (!text.startsWith('<edXML>') || !from) throw new Error('không phải gói tin edXML')
  return { from, to: [...text.matchAll(/<To>([^<]+)<\/To>/g)].map((m) => m[1] ?? '') }
}

export type TestServer = { url: string; port: number; close(): Promise<void> }

/** An HTTP server on a free loopback port running `handler` (which may never answer). */
export async function startTestServer(
  handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void,
): Promise<TestServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => handler(req, res, Buffer.concat(chunks)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A loopback port that nothing listens on (taken, then released). */
export async function closedPort(): Promise<number> {
  const server = await startTestServer(() => undefined)
  await server.close()
  return server.port
}
