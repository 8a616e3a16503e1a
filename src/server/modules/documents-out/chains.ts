/**
 * Approval chains per document type, as data: the default is the drafting unit's head, then the
 * office chief (chánh văn phòng), then the signing leader (Decree 30/2020/NĐ-CP Art. 11–12).
 */
import { eq } from 'drizzle-orm'
import type { ApprovalStepKind } from '@common/domain'
import type { Executor } from '../../platform/db/client.ts'
import { approvalChains } from '../../platform/db/schema.ts'
import { officeChiefOf, unitHeadsOf } from './lookups.ts'

export type ChainStep = { kind: ApprovalStepKind; userId?: string | null }

export const DEFAULT_CHAIN: readonly ChainStep[] = [
  { kind: 'unit_head' },
  { kind: 'office_chief' },
  { kind: 'signer' },
]

/** The chain configured for a type, else the configured default, else the built-in one. */
export async function chainFor(
  db: Executor,
  documentType: string,
): Promise<{ steps: ChainStep[]; isBuiltIn: boolean }> {
  for (const key of [documentType, 'default']) {
    const rows = await db.select().from(approvalChains).where(eq(approvalChains.documentType, key)).limit(1)
    if (rows[0]) return { steps: rows[0].steps as ChainStep[], isBuiltIn: false }
  }
  return { steps: [...DEFAULT_CHAIN], isBuiltIn: true }
}

export type ResolvedStep = { kind: ApprovalStepKind; userId: string }

/**
 * The chain as people. A step nobody holds is left out, and so is a step the drafter would
 * approve themselves or one whose person also holds the next step (an office chief who signs).
 * Pure once the people are known; see resolveChain.
 */
export function collapseSteps(
  steps: readonly { kind: ApprovalStepKind; userId: string | null }[],
  drafterId: string,
): ResolvedStep[] {
  const held = steps.filter(
    (s): s is ResolvedStep => s.userId !== null && (s.kind === 'signer' || s.userId !== drafterId),
  )
  return held.filter((s, i) => i === held.length - 1 || held[i + 1]!.userId !== s.userId)
}

export async function resolveChain(
  db: Executor,
  steps: readonly ChainStep[],
  doc: { drafterId: string; drafterUnitId: string | null; signerId: string; organizationId: string },
): Promise<ResolvedStep[]> {
  const people: { kind: ApprovalStepKind; userId: string | null }[] = []
  for (const step of steps) {
    if (step.kind === 'unit_head') {
      const heads = doc.drafterUnitId ? await unitHeadsOf(db, doc.drafterUnitId) : []
      people.push({
        kind: 'unit_head',
        userId: heads.includes(doc.drafterId) ? doc.drafterId : (heads[0] ?? null),
      })
    } else if (step.kind === 'office_chief') {
      people.push({ kind: 'office_chief', userId: await officeChiefOf(db, doc.organizationId) })
    } else if (step.kind === 'user') {
      people.push({ kind: 'user', userId: step.userId ?? null })
    } else {
      people.push({ kind: 'signer', userId: doc.signerId })
    }
  }
  // The signer always closes the chain, whatever the configuration says.
  if (people.at(-1)?.kind !== 'signer') people.push({ kind: 'signer', userId: doc.signerId })
  return collapseSteps(people, doc.drafterId)
}
