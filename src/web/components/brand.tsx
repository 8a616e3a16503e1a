/** The product mark: two river waves in a rounded square (the Mekong). */
export function BrandMark({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#0b5c96" />
      <path
        d="M8 38c8-6 16-6 24 0s16 6 24 0"
        stroke="#37c2c4"
        strokeWidth="6"
        fill="none"
        strokeLinecap="round"
      />
      <path
        d="M8 26c8-6 16-6 24 0s16 6 24 0"
        stroke="#ffffff"
        strokeWidth="6"
        fill="none"
        strokeLinecap="round"
      />
    </svg>
  )
}
