/** The events the consultations module records (audit log + after-commit trigger); target: the consultation. */
export const CONSULTATION_EVENTS = {
  created: 'consultation.created',
  updated: 'consultation.updated',
  submitted: 'consultation.submitted',
  approved: 'consultation.approved',
  returned: 'consultation.returned',
  launched: 'consultation.launched',
  extended: 'consultation.extended',
  closed: 'consultation.closed',
  cancelled: 'consultation.cancelled',
  answerSaved: 'consultation.answerSaved',
  answerAwaitingMember: 'consultation.answerAwaitingMember',
  answerSubmitted: 'consultation.answerSubmitted',
  answerSigned: 'consultation.answerSigned',
  answerSigningRefused: 'consultation.answerSigningRefused',
  reminded: 'consultation.reminded',
  dispositionsUpdated: 'consultation.dispositionsUpdated',
  revisedDraftAdded: 'consultation.revisedDraftAdded',
  summarySubmitted: 'consultation.summarySubmitted',
} as const

export const CONSULTATION_TARGET = 'consultation'
