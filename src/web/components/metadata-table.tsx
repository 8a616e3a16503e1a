/** A record's fields as label and value rows, one a line; the labels take less room on phones. */
import { Descriptions, type DescriptionsProps } from 'antd'
import { useIsMobile } from '../lib/use-media.ts'

export function MetadataTable({ items, testId }: { items: DescriptionsProps['items']; testId: string }) {
  const isMobile = useIsMobile()
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      styles={{ label: { width: isMobile ? 104 : 150 } }}
      data-testid={testId}
      items={items}
    />
  )
}
