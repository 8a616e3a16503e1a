/** The events this module records (target_type 'exchangeMessage', target_id the message id). */
export const EXCHANGE_EVENTS = {
  packageReceived: 'exchange.packageReceived',
  statusReceived: 'exchange.statusReceived',
  packageAccepted: 'exchange.packageAccepted',
  packageRefused: 'exchange.packageRefused',
  recallAccepted: 'exchange.recallAccepted',
  recallRefused: 'exchange.recallRefused',
  updateApplied: 'exchange.updateApplied',
  updateRefused: 'exchange.updateRefused',
  sent: 'exchange.sent',
  deliveryFailed: 'exchange.deliveryFailed',
  retried: 'exchange.retried',
  directoryImported: 'exchange.directoryImported',
  directorySynced: 'exchange.directorySynced',
  identityCreated: 'exchange.identityCreated',
  packageRejected: 'exchange.packageRejected',
} as const

export const EXCHANGE_TARGET = 'exchangeMessage'
