/** The edXMLHeader contents in the order of QCVN 102 §1.1–1.14 and §2 (TraceHeaderList, Status). */
import type {
  Business,
  EdocHeader,
  Organ,
  ResponseFor,
  StaffInfo,
  StatusPackage,
  TraceHeader,
} from './model.ts'
import { toWireDate, toWireTimestamp } from './wire-dates.ts'
import { edxml, present, type XElement } from './xml-tree.ts'

const optional = (local: string, value: string | undefined) =>
  value === undefined ? undefined : edxml(local, value)

export function organXml(tag: 'From' | 'To', o: Organ): XElement {
  return edxml(tag, [
    edxml('OrganId', o.organId),
    ...present(
      optional('OrganizationInCharge', o.organizationInCharge),
      edxml('OrganName', o.organName),
      optional('OrganAdd', o.organAdd),
      optional('Email', o.email),
      optional('Telephone', o.telephone),
      optional('Fax', o.fax),
      optional('Website', o.website),
    ),
  ])
}

export function staffInfoXml(s: StaffInfo): XElement {
  return edxml(
    'StaffInfo',
    present(
      optional('Department', s.department),
      optional('Staff', s.staff),
      optional('Mobile', s.mobile),
      optional('Email', s.email),
    ),
  )
}

export function responseForXml(r: ResponseFor): XElement {
  return edxml('ResponseFor', [
    edxml('OrganId', r.organId),
    edxml('Code', r.code),
    ...present(r.promulgationDate !== null && edxml('PromulgationDate', toWireDate(r.promulgationDate))),
    edxml('DocumentId', r.documentId),
  ])
}

/** MessageHeader §1.1–1.14. */
export function messageHeaderXml(h: EdocHeader): XElement {
  const o = h.otherInfo
  return edxml('MessageHeader', [
    organXml('From', h.from),
    ...h.to.map((t) => organXml('To', t)),
    edxml('Code', [edxml('CodeNumber', h.code.codeNumber), edxml('CodeNotation', h.code.codeNotation)]),
    edxml('PromulgationInfo', [
      edxml('Place', h.promulgationInfo.place),
      edxml('PromulgationDate', toWireDate(h.promulgationInfo.promulgationDate)),
    ]),
    edxml('DocumentType', [
      edxml('Type', h.documentType.type),
      edxml('TypeDetail', h.documentType.typeDetail),
      edxml('TypeName', h.documentType.typeName),
    ]),
    edxml('Subject', h.subject),
    edxml('Content', h.content),
    edxml('SignerInfo', [
      edxml('Competence', h.signerInfo.competence),
      edxml('Position', h.signerInfo.position),
      edxml('FullName', h.signerInfo.fullName),
    ]),
    ...present(h.dueDate !== null && edxml('DueDate', toWireDate(h.dueDate))),
    edxml(
      'ToPlaces',
      h.toPlaces.map((p) => edxml('Place', p)),
    ),
    edxml('OtherInfo', [
      edxml('Priority', o.priority),
      edxml('SphereOfPromulgation', o.sphereOfPromulgation),
      edxml('TyperNotation', o.typerNotation),
      edxml('PromulgationAmount', o.promulgationAmount),
      edxml('PageAmount', o.pageAmount),
      ...present(o.direction !== undefined && edxml('Direction', String(o.direction))),
      edxml(
        'Appendixes',
        o.appendixes.map((a) => edxml('Appendix', a)),
      ),
    ]),
    ...h.responseFor.map(responseForXml),
    edxml('SteeringType', h.steeringType),
    edxml('DocumentId', h.documentId),
  ])
}

/** TraceHeaderList: one TraceHeader per system passed, then `Bussiness` (the standard's spelling). */
export function traceHeaderListXml(traces: TraceHeader[], b: Business): XElement {
  return edxml('TraceHeaderList', [
    ...traces.map((t) =>
      edxml('TraceHeader', [edxml('OrganId', t.organId), edxml('Timestamp', toWireTimestamp(t.timestamp))]),
    ),
    edxml('Bussiness', [
      ...present(b.documentId !== null && edxml('DocumentId', b.documentId)),
      edxml('BussinessDocType', b.type),
      edxml('BussinessDocReason', b.reason),
      edxml('Paper', b.paper),
      staffInfoXml(b.staffInfo),
      ...present(
        b.replacementInfo.length > 0 &&
          edxml(
            'ReplacementInfoList',
            b.replacementInfo.map((r) =>
              edxml('ReplacementInfo', [
                edxml('DocumentId', r.documentId),
                edxml(
                  'OrganIdList',
                  r.organIds.map((id) => edxml('OrganId', id)),
                ),
              ]),
            ),
          ),
      ),
    ]),
  ])
}

/** edXMLHeader/Status (REGULATIONS §2.3). */
export function statusXml(s: Omit<StatusPackage, 'kind'>): XElement {
  return edxml('Status', [
    responseForXml(s.responseFor),
    organXml('From', s.from),
    edxml('StatusCode', s.statusCode),
    edxml('Description', s.description),
    edxml('Timestamp', toWireTimestamp(s.timestamp)),
    staffInfoXml(s.staffInfo),
  ])
}
