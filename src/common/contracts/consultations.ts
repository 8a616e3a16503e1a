/**
 * Consultations (lấy ý kiến, issue 7): the Standing Office asks committee members for their
 * opinion on drafts, proposals, programmes and plans, by a deadline, through ready-made answer
 * mechanisms; members (or their focal points) answer in the browser; the office follows progress,
 * closes, and completes and exports the consultation summary (báo cáo tổng hợp ý kiến).
 *
 * Life cycle: draft → submitted (to a leader for approval) → open (launched: on approval, or when
 * the linked consultation letter is issued) → closed (at the deadline or early), or cancelled.
 * A draft returned by the leader goes back to draft.
 *
 * Answers: one response per participant (a committee member). A focal point of the member's
 * organization drafts it (state draft → awaiting_member); the member confirms it (submitted) or
 * the focal point submits for the member when the member delegated `consultation.answer`
 * (recorded: submittedBy ≠ member, onBehalf). A submitted answer can be revised until the
 * deadline unless it was submitted as final (final: true locks it). Nothing is accepted after the
 * deadline (an answer one second late is refused). Nobody sees another member's answer before
 * closing unless the consultation is an open ballot; the officers see everything live.
 *
 * Routes (JSON unless said):
 *   GET    /api/consultations                         ZConsultationListQuery → ZConsultationList
 *   POST   /api/consultations                         ZConsultationInput → ZConsultation (draft)
 *   GET    /api/consultations/participant-groups      → ZParticipantGroups (groups of members to pick)
 *   GET    /api/consultations/:id                     → ZConsultation (what the caller may see)
 *   PATCH  /api/consultations/:id                     ZConsultationInput (draft only) → ZConsultation
 *   POST   /api/consultations/:id/submit              ZSubmitForApproval → ZConsultation
 *   POST   /api/consultations/:id/approve             ZApproveInput → ZConsultation (leader; launches unless launchOn = letter)
 *   POST   /api/consultations/:id/return              ZReturnInput → ZConsultation (leader; back to draft)
 *   POST   /api/consultations/:id/extend              ZExtendInput → ZConsultation (participants notified)
 *   POST   /api/consultations/:id/close               ZCloseInput → ZConsultation (early or at the deadline)
 *   POST   /api/consultations/:id/cancel              ZCancelInput → ZConsultation
 *   GET    /api/consultations/:id/progress            → ZConsultationProgress (officers: who answered, live tallies)
 *   POST   /api/consultations/:id/remind              ZRemindInput → ZRemindResult (officers remind who has not answered, now)
 *   GET    /api/consultations/:id/responses/mine      ?memberId= → ZResponse (the caller's, or the member's they help)
 *   PUT    /api/consultations/:id/responses/mine      ZResponseInput → ZResponse (save; submit; final)
 *   POST   /api/consultations/:id/responses/:responseId/confirm   ZConfirmInput → ZResponse (member confirms a focal point's draft)
 *   POST   /api/consultations/:id/responses/:responseId/sign      ZSignResponseInput → ZResponse (PAdES with the member's key)
 *   GET    /api/consultations/:id/responses/:responseId/receipt   → ZReceipt
 *   GET    /api/consultations/:id/summary             → ZConsultationSummary (closed: everyone allowed; open: officers, provisional)
 *   PATCH  /api/consultations/:id/summary/dispositions ZDispositionsInput → ZConsultationSummary (officers complete the response table)
 *   POST   /api/consultations/:id/revised-draft       ZRevisedDraftInput → ZConsultation (a revised draft file)
 *   GET    /api/consultations/:id/summary.docx        → the summary report (DOCX)
 *   GET    /api/consultations/:id/summary.pdf         → the summary report (PDF)
 *   POST   /api/consultations/:id/summary/slip        ZSummarySlipInput → ZConsultation (an outgoing draft "Báo cáo tổng hợp ý kiến"
 *                                                     with the summary PDF, submitted to a leader on a submission slip)
 */
import { z } from 'zod'
import { ZId, ZOptionalText, ZPage, ZPageQuery } from './common.ts'

export const CONSULTATION_STATES = ['draft', 'submitted', 'open', 'closed', 'cancelled'] as const
export type ConsultationState = (typeof CONSULTATION_STATES)[number]

/** The answer mechanisms (one question of each kind, any number of questions). */
export const QUESTION_KINDS = [
  /** (1) written opinion: agree / agree with comments / disagree, free text and files */
  'opinion',
  /** (2) a motion to vote on: approve / reject / abstain, decided by the consultation's vote rule */
  'motion',
  /** (3) comments anchored to the sections of a draft, clause by clause */
  'sections',
  /** (4) questionnaire items */
  'single_choice',
  'multiple_choice',
  'text',
  'number',
] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]

export const OPINION_VALUES = ['agree', 'agree_with_comments', 'disagree'] as const
export type OpinionValue = (typeof OPINION_VALUES)[number]
export const VOTE_VALUES = ['approve', 'reject', 'abstain'] as const
export type VoteValue = (typeof VOTE_VALUES)[number]

/**
 * What silence means (shown to participants): no answer by the deadline counts as agreement
 * (opinion agree, motions approve), as abstention (motions abstain; not counted for opinions),
 * or as nothing at all (not counted anywhere, and not towards a quorum).
 */
export const SILENCE_RULES = ['agree', 'abstain', 'not_counted'] as const
export type SilenceRule = (typeof SILENCE_RULES)[number]

/**
 * How a motion is decided. Quorum: the share of participants who answered (silence counted as
 * agreement or abstention counts as answering). Majority: `simple` more approve than half of the
 * votes cast (abstentions not cast), `absolute` more than half of all participants, `two_thirds`
 * at least two thirds of all participants.
 */
export const MAJORITY_RULES = ['simple', 'absolute', 'two_thirds'] as const
export type MajorityRule = (typeof MAJORITY_RULES)[number]

export const LAUNCH_ON = ['approval', 'letter'] as const

export const ZSection = z.object({
  /** Stable key within the question, e.g. "dieu-1". */
  key: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, { error: 'Mã mục chỉ gồm chữ thường không dấu, số và dấu gạch ngang' }),
  /** Label, e.g. "Điều 1. Phạm vi điều chỉnh". */
  label: z.string().trim().min(1, { error: 'Nhập tên mục' }).max(300),
  /** The section's text as drafted (shown beside the comment box). */
  text: ZOptionalText(20_000),
})
export type TSection = z.infer<typeof ZSection>

export const ZQuestionInput = z
  .object({
    /** Stable key within the consultation, e.g. "q1". */
    key: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[a-z0-9-]+$/),
    kind: z.enum(QUESTION_KINDS),
    title: z.string().trim().min(1, { error: 'Nhập nội dung câu hỏi' }).max(1000),
    description: ZOptionalText(5000),
    required: z.boolean().default(true),
    /** single_choice / multiple_choice: the options (2–20). */
    options: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
    /** sections: the draft's sections (1–300). */
    sections: z.array(ZSection).max(300).default([]),
    /** number: bounds and unit. */
    min: z.number().nullable().default(null),
    max: z.number().nullable().default(null),
    unit: ZOptionalText(40),
  })
  .strict()
  .refine((q) => !['single_choice', 'multiple_choice'].includes(q.kind) || q.options.length >= 2, {
    error: 'Câu hỏi lựa chọn cần ít nhất hai phương án',
    path: ['options'],
  })
  .refine((q) => q.kind !== 'sections' || q.sections.length >= 1, {
    error: 'Góp ý theo mục cần ít nhất một mục của dự thảo',
    path: ['sections'],
  })
export type TQuestionInput = z.input<typeof ZQuestionInput>
export type TQuestion = z.output<typeof ZQuestionInput>

export const MATERIAL_ROLES = ['draft', 'annex', 'reference', 'revised_draft'] as const
export const ZMaterialInput = z.union([
  z.object({ fileId: ZId, role: z.enum(MATERIAL_ROLES).default('draft') }).strict(),
  z
    .object({
      documentKind: z.enum(['documentIn', 'documentOut']),
      documentId: ZId,
      role: z.enum(MATERIAL_ROLES).default('reference'),
    })
    .strict(),
])

export const ZConsultationInput = z
  .object({
    title: z.string().trim().min(5, { error: 'Tiêu đề tối thiểu 5 ký tự' }).max(500),
    purpose: z.string().trim().min(1, { error: 'Nhập mục đích lấy ý kiến' }).max(5000),
    background: ZOptionalText(20_000),
    materials: z.array(ZMaterialInput).max(50).default([]),
    /** Committee members asked (user ids); groups are expanded by the web before sending. */
    participantIds: z.array(ZId).min(1, { error: 'Chọn ít nhất một thành viên' }).max(500),
    deadline: z.iso.datetime({ offset: true, error: 'Hạn trả lời không hợp lệ' }),
    questions: z.array(ZQuestionInput).min(1, { error: 'Thêm ít nhất một câu hỏi' }).max(100),
    silenceRule: z.enum(SILENCE_RULES).default('agree'),
    /** Motions: the share of participants needed (0–100 %) and the majority rule. */
    quorumPercent: z.number().int().min(0).max(100).default(50),
    majority: z.enum(MAJORITY_RULES).default('simple'),
    /** Open ballot: participants see each other's answers before closing. */
    openBallot: z.boolean().default(false),
    launchOn: z.enum(LAUNCH_ON).default('approval'),
    /** The consultation letter (an outgoing document) that launches it when issued. */
    letterDocumentId: ZId.nullish().transform((v) => v ?? null),
    /** Reminders to those who have not answered, this many hours before the deadline. */
    reminderHours: z
      .array(
        z
          .number()
          .int()
          .min(1)
          .max(24 * 30),
      )
      .max(5)
      .default([72, 24]),
  })
  .strict()
  .refine((v) => new Set(v.questions.map((q) => q.key)).size === v.questions.length, {
    error: 'Mã câu hỏi bị trùng',
    path: ['questions'],
  })
  .refine((v) => v.launchOn !== 'letter' || v.letterDocumentId !== null, {
    error: 'Chọn công văn lấy ý kiến để phát hành',
    path: ['letterDocumentId'],
  })
export type TConsultationInput = z.input<typeof ZConsultationInput>

export const ZMaterial = z.object({
  id: z.string(),
  role: z.enum(MATERIAL_ROLES),
  /** A file: open it at /api/files/:fileId/content?inline=1 */
  fileId: z.string().nullable(),
  filename: z.string().nullable(),
  mediaType: z.string().nullable(),
  /** Or an existing document: open it at `path`. */
  documentKind: z.enum(['documentIn', 'documentOut']).nullable(),
  documentId: z.string().nullable(),
  title: z.string(),
  path: z.string().nullable(),
  addedAt: z.string(),
})
export type TMaterial = z.infer<typeof ZMaterial>

export const ZPerson = z.object({
  id: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  organizationName: z.string().nullable(),
})
export type TPerson = z.infer<typeof ZPerson>

export const RESPONSE_STATES = ['none', 'draft', 'awaiting_member', 'submitted', 'final'] as const
export type ResponseState = (typeof RESPONSE_STATES)[number]

export const ZConsultation = z.object({
  id: z.string(),
  title: z.string(),
  purpose: z.string(),
  background: z.string().nullable(),
  state: z.enum(CONSULTATION_STATES),
  deadline: z.string(),
  /** True once the deadline has passed (answers refused). */
  pastDeadline: z.boolean(),
  silenceRule: z.enum(SILENCE_RULES),
  quorumPercent: z.number().int(),
  majority: z.enum(MAJORITY_RULES),
  openBallot: z.boolean(),
  launchOn: z.enum(LAUNCH_ON),
  letterDocumentId: z.string().nullable(),
  reminderHours: z.array(z.number().int()),
  questions: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(QUESTION_KINDS),
      title: z.string(),
      description: z.string().nullable(),
      required: z.boolean(),
      options: z.array(z.string()),
      sections: z.array(z.object({ key: z.string(), label: z.string(), text: z.string().nullable() })),
      min: z.number().nullable(),
      max: z.number().nullable(),
      unit: z.string().nullable(),
    }),
  ),
  materials: z.array(ZMaterial),
  participants: z.array(
    ZPerson.extend({
      /** Visible to officers, to the participant themself, and to all when open ballot or closed. */
      responseState: z.enum(RESPONSE_STATES).nullable(),
    }),
  ),
  createdBy: ZPerson,
  approver: ZPerson.nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  launchedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Deadline changes, newest last. */
  extensions: z.array(
    z.object({ from: z.string(), to: z.string(), reason: z.string(), by: z.string(), at: z.string() }),
  ),
  counts: z.object({ participants: z.number().int(), answered: z.number().int() }),
  /** The outgoing draft (report with the summary PDF attached) submitted to a leader, once made. */
  summaryDocumentId: z.string().nullable(),
  /** For the caller: which member(s) they answer for (themself, or as focal point). */
  answerFor: z.array(ZPerson.extend({ responseState: z.enum(RESPONSE_STATES) })),
  abilities: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean(),
    return: z.boolean(),
    extend: z.boolean(),
    close: z.boolean(),
    cancel: z.boolean(),
    viewProgress: z.boolean(),
    answer: z.boolean(),
    viewSummary: z.boolean(),
    editDispositions: z.boolean(),
  }),
})
export type TConsultation = z.infer<typeof ZConsultation>

export const ZConsultationListItem = ZConsultation.pick({
  id: true,
  title: true,
  state: true,
  deadline: true,
  pastDeadline: true,
  createdAt: true,
  counts: true,
}).extend({
  /** The caller's own answer state when they are asked (or answer for someone). */
  myResponseState: z.enum(RESPONSE_STATES).nullable(),
})
export type TConsultationListItem = z.infer<typeof ZConsultationListItem>

export const ZConsultationListQuery = ZPageQuery.extend({
  /** mine: what I must answer (or help answer); managed: what I created or approve; all: officers. */
  box: z.enum(['to_answer', 'managed', 'all']).default('to_answer'),
  state: z.enum(CONSULTATION_STATES).optional(),
  q: z.string().trim().max(200).optional(),
}).strict()
export const ZConsultationList = ZPage(ZConsultationListItem)

export const ZParticipantGroups = z.object({
  groups: z.array(
    z.object({
      /** e.g. all, ministries, provinces, mekong-delta, sesan-srepok */
      key: z.string(),
      label: z.string(),
      memberIds: z.array(z.string()),
    }),
  ),
  /** Every committee member who can be asked. */
  members: z.array(ZPerson.extend({ organizationKind: z.string().nullable() })),
})

export const ZSubmitForApproval = z.object({ approverId: ZId, note: ZOptionalText(2000) }).strict()
export const ZApproveInput = z.object({ note: ZOptionalText(2000) }).strict()
export const ZReturnInput = z
  .object({ reason: z.string().trim().min(1, { error: 'Nhập lý do trả lại' }).max(2000) })
  .strict()
export const ZExtendInput = z
  .object({
    deadline: z.iso.datetime({ offset: true, error: 'Hạn mới không hợp lệ' }),
    reason: z.string().trim().min(1, { error: 'Nhập lý do gia hạn' }).max(2000),
  })
  .strict()
/** A reminder sent by hand; at most one an hour (REMINDED_RECENTLY), with an optional word. */
export const ZRemindInput = z.object({ message: ZOptionalText(500) }).strict()
export const ZRemindResult = z.object({
  /** Members reminded (their focal points get it too). */
  reminded: z.number().int(),
  at: z.string(),
})
export const REMIND_INTERVAL_MINUTES = 60
export const ZCloseInput = z.object({ reason: ZOptionalText(2000) }).strict()
export const ZCancelInput = z
  .object({ reason: z.string().trim().min(1, { error: 'Nhập lý do hủy' }).max(2000) })
  .strict()

/** One question's answer; the field used depends on the question's kind. */
export const ZAnswer = z
  .object({
    questionKey: z.string().min(1).max(40),
    opinion: z.enum(OPINION_VALUES).optional(),
    vote: z.enum(VOTE_VALUES).optional(),
    choice: z.string().max(300).optional(),
    choices: z.array(z.string().max(300)).max(20).optional(),
    text: z.string().trim().max(20_000).optional(),
    number: z.number().optional(),
    /** sections: one comment per section key (empty ones are dropped). */
    sectionComments: z
      .array(
        z.object({
          sectionKey: z.string().min(1).max(40),
          comment: z.string().trim().max(10_000),
        }),
      )
      .max(300)
      .optional(),
  })
  .strict()
export type TAnswer = z.infer<typeof ZAnswer>

export const ZResponseInput = z
  .object({
    /** The member answered for (a focal point names the member; a member may omit it). */
    memberId: ZId.optional(),
    answers: z.array(ZAnswer).max(100),
    /** Files supporting the answer (uploaded with /api/files first). */
    fileIds: z.array(ZId).max(20).default([]),
    /**
     * save: keep as a draft; submit: the member's answer (a focal point: sends it to the member
     * to confirm, or submits it for them when delegated); final: submit and lock until closing.
     */
    intent: z.enum(['save', 'submit', 'final']),
  })
  .strict()
export type TResponseInput = z.input<typeof ZResponseInput>

export const ZConfirmInput = z.object({ final: z.boolean().default(false) }).strict()
export const ZSignResponseInput = z.object({ pin: z.string().min(1).max(100) }).strict()

export const ZResponse = z.object({
  id: z.string().nullable(),
  consultationId: z.string(),
  member: ZPerson,
  state: z.enum(RESPONSE_STATES),
  answers: z.array(ZAnswer),
  files: z.array(z.object({ id: z.string(), filename: z.string() })),
  draftedBy: ZPerson.nullable(),
  submittedBy: ZPerson.nullable(),
  /** True when a focal point submitted it for the member under a delegation. */
  onBehalf: z.boolean(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** A signed PDF of the answer, when the member signed it. */
  signedFileId: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  abilities: z.object({ edit: z.boolean(), submit: z.boolean(), confirm: z.boolean(), sign: z.boolean() }),
})
export type TResponse = z.infer<typeof ZResponse>

export const ZReceipt = z.object({
  receiptNumber: z.string(),
  consultationTitle: z.string(),
  member: ZPerson,
  submittedBy: ZPerson,
  onBehalf: z.boolean(),
  submittedAt: z.string(),
  final: z.boolean(),
  /** SHA-256 of the answer as stored (canonical JSON), to prove what was received. */
  digest: z.string(),
})

export const ZTally = z.object({ value: z.string(), label: z.string(), count: z.number().int() })

export const ZConsultationProgress = z.object({
  participants: z.number().int(),
  answered: z.number().int(),
  awaitingMember: z.number().int(),
  notAnswered: z.number().int(),
  rows: z.array(
    z.object({
      member: ZPerson,
      state: z.enum(RESPONSE_STATES),
      submittedAt: z.string().nullable(),
      onBehalf: z.boolean(),
      /** The member's signed PDF of the answer, when signed. */
      signedFileId: z.string().nullable(),
      lastRemindedAt: z.string().nullable(),
    }),
  ),
  tallies: z.array(z.object({ questionKey: z.string(), title: z.string(), values: z.array(ZTally) })),
})
export type TConsultationProgress = z.infer<typeof ZConsultationProgress>

export const DISPOSITIONS = ['accepted', 'partly_accepted', 'explained', 'noted'] as const
export type Disposition = (typeof DISPOSITIONS)[number]

export const ZSummaryQuestion = z.object({
  key: z.string(),
  kind: z.enum(QUESTION_KINDS),
  title: z.string(),
  /** Counts per value (silence counted per the rule is included and shown separately). */
  tallies: z.array(ZTally),
  countedBySilence: z.number().int(),
  /** Motions: the decision under the rule. */
  motion: z
    .object({
      quorumMet: z.boolean(),
      answered: z.number().int(),
      participants: z.number().int(),
      approve: z.number().int(),
      reject: z.number().int(),
      abstain: z.number().int(),
      result: z.enum(['adopted', 'rejected', 'no_quorum']),
      explanation: z.string(),
    })
    .nullable(),
  /** Numbers: average, min, max of the answers. */
  numbers: z.object({ n: z.number().int(), mean: z.number(), min: z.number(), max: z.number() }).nullable(),
  /** Free text and opinion comments with their authors. */
  texts: z.array(z.object({ member: ZPerson, text: z.string() })),
})

export const ZResponseTableRow = z.object({
  /** Stable id of the comment (response id + question + section). */
  id: z.string(),
  questionKey: z.string(),
  sectionKey: z.string().nullable(),
  sectionLabel: z.string().nullable(),
  comment: z.string(),
  member: ZPerson,
  disposition: z.enum(DISPOSITIONS).nullable(),
  explanation: z.string().nullable(),
  /** How the revised draft handled it: the section's text in the revised draft. */
  revisedText: z.string().nullable(),
})
export type TResponseTableRow = z.infer<typeof ZResponseTableRow>

export const ZConsultationSummary = z.object({
  consultation: ZConsultation.pick({
    id: true,
    title: true,
    purpose: true,
    state: true,
    deadline: true,
    silenceRule: true,
    quorumPercent: true,
    majority: true,
    launchedAt: true,
    closedAt: true,
  }),
  /** False while open: a provisional summary for the officers. */
  final: z.boolean(),
  generatedAt: z.string(),
  participants: z.number().int(),
  answered: z.number().int(),
  silent: z.array(ZPerson),
  questions: z.array(ZSummaryQuestion),
  /** Every opinion with its author (answer per question), in participant order. */
  opinions: z.array(
    z.object({
      member: ZPerson,
      state: z.enum(RESPONSE_STATES),
      submittedAt: z.string().nullable(),
      onBehalf: z.boolean(),
      submittedBy: ZPerson.nullable(),
      /** The member's signed PDF of this answer, when they signed it. */
      signedFileId: z.string().nullable(),
      answers: z.array(ZAnswer),
    }),
  ),
  /** Comments grouped by section, in the draft's order: the response table. */
  responseTable: z.array(ZResponseTableRow),
  revisedDraft: ZMaterial.nullable(),
})
export type TConsultationSummary = z.infer<typeof ZConsultationSummary>

export const ZDispositionsInput = z
  .object({
    rows: z
      .array(
        z
          .object({
            id: z.string().min(1).max(200),
            disposition: z.enum(DISPOSITIONS).nullable(),
            explanation: ZOptionalText(10_000),
            revisedText: ZOptionalText(20_000),
          })
          .strict(),
      )
      .min(1)
      .max(20_000),
  })
  .strict()

export const ZRevisedDraftInput = z
  .object({
    fileId: ZId,
    /** The revised sections' text by section key (shown beside each comment). */
    sections: z
      .array(z.object({ sectionKey: z.string().min(1).max(40), text: z.string().max(20_000) }))
      .max(300)
      .default([]),
  })
  .strict()

export const ZSummarySlipInput = z.object({ leaderId: ZId, note: ZOptionalText(2000) }).strict()
