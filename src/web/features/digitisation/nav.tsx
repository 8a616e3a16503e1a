/** The navigation entry of digitisation, listed with the incoming documents (clerks only). */
import { ScanOutlined } from '@ant-design/icons'
import { DIGITISATION_PATH } from './paths.ts'

export const DIGITISATION_NAV = {
  key: 'digitisation',
  path: DIGITISATION_PATH,
  labelKey: 'digitisation.nav',
  icon: <ScanOutlined />,
  ability: 'documentsIn.register' as const,
}
