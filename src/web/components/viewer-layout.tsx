/**
 * A document's file beside its details: the viewer on the left and the details on the right on
 * wide screens; on phones the details first, then the viewer.
 */
import type { ReactNode } from 'react'
import { Col, Row } from 'antd'
import { useIsMobile } from '../lib/use-media.ts'

export function ViewerLayout({ viewer, details }: { viewer: ReactNode; details: ReactNode }) {
  const isMobile = useIsMobile()
  if (isMobile) {
    return (
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        {details}
        {viewer}
      </div>
    )
  }
  return (
    <Row gutter={16}>
      <Col xs={24} lg={13}>
        {viewer}
      </Col>
      <Col xs={24} lg={11}>
        {details}
      </Col>
    </Row>
  )
}
