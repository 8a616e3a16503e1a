import { Input, type InputProps } from 'antd'

/** A 6-digit one-time code field (digits only, the phone's autofill hint, large monospace digits). */
export function CodeInput(props: InputProps) {
  return (
    <Input
      {...props}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      size="large"
      placeholder="••••••"
      data-testid="totp-code"
      style={{
        letterSpacing: 8,
        fontSize: 22,
        textAlign: 'center',
        fontFamily: "'SFMono-Regular', Consolas, 'Liberation Mono', Menlo, monospace",
      }}
      onChange={(e) => {
        e.target.value = e.target.value.replace(/\D/g, '').slice(0, 6)
        props.onChange?.(e)
      }}
    />
  )
}
