/**
 * `npm run axis:standin -- --config axis.json [--port 7300]`: a local stand-in of the national
 * document exchange axis for demos and two-instance tests. The config file:
 * `{ "port"?, "host"?, "dataDir"?, "maxBytes"?, "systems": [{ "systemId", "secret", "organId" }],
 *    "agencies"?: [{ "code", "name", "email"?, "endpoint"?, "certificatePem"? }] }`.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { inspectRoute } from '../platform/edxml/index.ts'
import { startAxisStandin } from '../platform/exchange-transport/index.ts'

const ZStandinConfig = z.object({
  port: z.number().int().min(0).max(65535).optional(),
  host: z.string().optional(),
  dataDir: z.string().optional(),
  maxBytes: z.number().int().positive().optional(),
  systems: z.array(
    z.object({ systemId: z.string().min(1), secret: z.string().min(1), organId: z.string().min(1) }),
  ),
  agencies: z
    .array(
      z.object({
        code: z.string().min(1),
        name: z.string(),
        email: z.string().nullish(),
        endpoint: z.string().nullish(),
        certificatePem: z.string().nullish(),
      }),
    )
    .optional(),
})

const { values } = parseArgs({ options: { config: { type: 'string' }, port: { type: 'string' } } })
if (!values.config) {
  console.error('Usage: npm run axis:standin -- --config axis.json [--port 7300]')
  process.exit(2)
}
const configPath = path.resolve(values.config)
const parsed = ZStandinConfig.safeParse(JSON.parse(await readFile(configPath, 'utf8')))
if (!parsed.success) {
  console.error(`Invalid config ${configPath}:\n${z.prettifyError(parsed.error)}`)
  process.exit(2)
}
const config = parsed.data
const standin = await startAxisStandin({
  ...config,
  port: values.port === undefined ? config.port : Number(values.port),
  // A relative dataDir is relative to the config file, so the same config works from any folder.
  dataDir: config.dataDir && path.resolve(path.dirname(configPath), config.dataDir),
  agencies: config.agencies?.map((a) => ({
    code: a.code,
    name: a.name,
    email: a.email ?? null,
    endpoint: a.endpoint ?? null,
    certificatePem: a.certificatePem ?? null,
  })),
  route: async (bytes) => inspectRoute(bytes),
  onError: (err) => console.error('axis stand-in fault:', err),
})
console.log(
  `Axis stand-in listening on ${standin.url} for ${config.systems.map((s) => s.organId).join(', ')}` +
    (config.dataDir ? ` (packages kept in ${config.dataDir})` : ' (in memory)'),
)

async function stop(signal: string): Promise<void> {
  await standin.close()
  console.log(`Axis stand-in stopped (${signal}):`, JSON.stringify(standin.stats()))
  process.exit(0)
}
process.once('SIGINT', (s) => void stop(s))
process.once('SIGTERM', (s) => void stop(s))
