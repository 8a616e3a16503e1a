/**
 * After-commit handler: a scan of a batch registered through the ordinary registration form (the
 * form's OCR pre-fill is a one-item batch, and a clerk may register any scan there) marks its item
 * registered, so no batch shows a scan as waiting once it is an incoming document.
 */
import type { EventHandler } from '../../platform/events/dispatch.ts'
import { recordEvent, systemEventSource } from '../../platform/events/record.ts'
import { DOCUMENT_IN_EVENTS } from '../documents-in/index.ts'
import { DIGITISATION_EVENTS, SCAN_BATCH_TARGET } from './events.ts'
import { openItemsWithFiles, updateItem } from './store.ts'

export function scansRegisteredElsewhere(): EventHandler {
  return {
    name: 'digitisation.scansRegistered',
    actions: [DOCUMENT_IN_EVENTS.registered],
    async handle(event, tx) {
      const fileIds = (event.data as { fileIds?: unknown }).fileIds
      if (!event.targetId || !Array.isArray(fileIds)) return
      const items = await openItemsWithFiles(
        tx,
        fileIds.filter((id): id is string => typeof id === 'string'),
      )
      for (const item of items) {
        await updateItem(tx, item.id, { status: 'registered', documentId: event.targetId }, event.occurredAt)
        await recordEvent(systemEventSource(tx, event.occurredAt, 'digitisation'), {
          action: DIGITISATION_EVENTS.itemRegistered,
          targetType: SCAN_BATCH_TARGET,
          targetId: item.batchId,
          data: {
            itemId: item.id,
            fileId: item.fileId,
            documentId: event.targetId,
            method: item.method,
            // Registered by this user through the registration form (the event it follows).
            registeredBy: event.actorId,
            via: 'form',
          },
        })
      }
    },
  }
}
