/** The events this module records (target_type 'scanBatch', target_id the batch id; item ids in data). */
export const DIGITISATION_EVENTS = {
  batchCreated: 'digitisation.batchCreated',
  itemRead: 'digitisation.itemRead',
  itemFailed: 'digitisation.itemFailed',
  itemRequeued: 'digitisation.itemRequeued',
  itemRegistered: 'digitisation.itemRegistered',
  itemDiscarded: 'digitisation.itemDiscarded',
} as const

export const SCAN_BATCH_TARGET = 'scanBatch'
