/**
 * Inter-agency exchange (liên thông văn bản): edXML packages (QCVN 102:2016) to and from other
 * agencies through the national axis or directly between instances, with the status feedback of
 * Decision 28/2018 (01–06, 13, 15, 16) both ways; the durable outbox; the clerk's list of what
 * arrived; the agency directory for the exchange.
 */
import type { FastifyInstance } from 'fastify'
import type { AppModule } from '../../app.ts'
import { defineExchangeJobs } from './jobs.ts'
import { exchangeNotifications, exchangeOutboxHandler } from './on-events.ts'
import { exchangeRoutes } from './routes.ts'

export { EXCHANGE_EVENTS } from './events.ts'
export { deliverDue, DELIVER_JOB } from './outbox.ts'
export { pollAxis, POLL_JOB } from './jobs.ts'
export { receivePackage } from './receive.ts'
export { loadIdentity } from './identity.ts'
export {
  buildSamplePackage,
  sampleDocumentId,
  sampleLetterPdf,
  sampleSender,
  type SampleSender,
} from './sample.ts'

export const exchangeModule: AppModule = {
  name: 'exchange',
  routes: async (app: FastifyInstance) => {
    await exchangeRoutes(app)
  },
  register: (deps) => {
    defineExchangeJobs(deps)
    deps.dispatcher.register(exchangeOutboxHandler(deps.jobs))
    deps.dispatcher.register(exchangeNotifications())
  },
}
