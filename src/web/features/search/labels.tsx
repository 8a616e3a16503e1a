/** Names of what a hit or a facet holds: kinds, document types, states (from the modules' own labels). */
import { Tag } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { CONSULTATION_STATES, type ConsultationState } from '@common/contracts/consultations'
import { SEARCH_KINDS, type SearchKind } from '@common/contracts/search'
import { documentTypeByCode } from '@common/document-types'
import { INCOMING_STATES, OUTGOING_STATES, type IncomingState, type OutgoingState } from '@common/domain'
import { ConsultationStateTag } from '../consultations/labels.tsx'
import { StateTag } from '../documents-in/labels.tsx'
import { OutgoingStateTag } from '../documents-out/labels.tsx'
import type { FacetKey } from './search-params.ts'

const KIND_COLORS: Record<SearchKind, string> = {
  documentIn: 'blue',
  documentOut: 'green',
  consultation: 'purple',
}

export function KindTag({ kind }: { kind: SearchKind }) {
  const { t } = useTranslation()
  return (
    <Tag color={KIND_COLORS[kind]} data-testid="search-hit-kind" data-kind={kind} className="search-kind-tag">
      {t(`search.kinds.${kind}`)}
    </Tag>
  )
}

const isIncomingState = (s: string): s is IncomingState => (INCOMING_STATES as readonly string[]).includes(s)
const isOutgoingState = (s: string): s is OutgoingState => (OUTGOING_STATES as readonly string[]).includes(s)
const isConsultationState = (s: string): s is ConsultationState =>
  (CONSULTATION_STATES as readonly string[]).includes(s)
const isKind = (s: string): s is SearchKind => (SEARCH_KINDS as readonly string[]).includes(s)

/** The kind of a filter value, if it is one. */
export function kindOf(value: string | undefined): SearchKind | undefined {
  return value !== undefined && isKind(value) ? value : undefined
}

/**
 * A state's name; the kind decides whose names, else incoming, outgoing and consultation names are
 * tried in that order (a state such as "submitted" exists in more than one).
 */
export function stateLabel(t: TFunction, state: string, kind?: SearchKind): string | undefined {
  const any = kind === undefined
  if ((any || kind === 'documentIn') && isIncomingState(state)) return t(`documentsIn.states.${state}`)
  if ((any || kind === 'documentOut') && isOutgoingState(state)) return t(`documentsOut.states.${state}`)
  if ((any || kind === 'consultation') && isConsultationState(state))
    return t(`consultations.states.${state}`)
  return undefined
}

export function HitStateTag({ kind, state }: { kind: SearchKind; state: string | null }) {
  if (!state) return null
  if (kind === 'documentIn' && isIncomingState(state))
    return <StateTag state={state} testId="search-hit-state" />
  if (kind === 'documentOut' && isOutgoingState(state))
    return <OutgoingStateTag state={state} testId="search-hit-state" />
  if (kind === 'consultation' && isConsultationState(state))
    return <ConsultationStateTag state={state} testId="search-hit-state" />
  return <Tag data-testid="search-hit-state">{state}</Tag>
}

/** The Vietnamese name of a document type code (the standard's own names, in every language). */
export function typeName(code: string): string {
  return documentTypeByCode(code)?.name ?? code
}

/**
 * The label of a facet value: our own names where we have them (kinds, types, states: of the kind
 * filtered on, if any), else the server's label (senders, signers, registers, units), else the value.
 */
export function facetLabel(
  t: TFunction,
  key: FacetKey,
  value: string,
  serverLabel?: string,
  kind?: SearchKind,
): string {
  if (key === 'kind' && isKind(value)) return t(`search.kinds.${value}`)
  if (key === 'documentType' && documentTypeByCode(value)) return typeName(value)
  if (key === 'state') return stateLabel(t, value, kind) ?? serverLabel ?? value
  return serverLabel?.trim() ? serverLabel : value
}
