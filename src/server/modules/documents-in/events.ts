/** The events this module records (target_type 'documentIn', target_id the document id). */
export const DOCUMENT_IN_EVENTS = {
  registerCreated: 'register.created',
  registerUpdated: 'register.updated',
  registered: 'documentIn.registered',
  updated: 'documentIn.updated',
  submitted: 'documentIn.submitted',
  assigned: 'documentIn.assigned',
  reassigned: 'documentIn.reassigned',
  started: 'documentIn.started',
  noteAdded: 'documentIn.noteAdded',
  assignmentCompleted: 'documentIn.assignmentCompleted',
  completed: 'documentIn.completed',
  returned: 'documentIn.returned',
  deadlineExtended: 'documentIn.deadlineExtended',
  extensionRequested: 'documentIn.extensionRequested',
} as const

export const DOCUMENT_IN_TARGET = 'documentIn'

/** How the events name an assignment and its people (readers of the audit log need no join). */
export type AssignmentRef = {
  id: string
  role: string
  userId: string | null
  userName: string | null
  unitId: string | null
  unitName: string | null
  dueDate: string | null
}
