// Captures what a deck-tool command writes to stdout and stderr, calling each write's callback as
// a real stream does once the text is out (the commands wait for it before returning).
import { afterEach, beforeEach, vi } from 'vitest'

export interface CapturedOutput {
  out: string
  err: string
}

export function captureOutput(): CapturedOutput {
  const captured: CapturedOutput = { out: '', err: '' }
  beforeEach(() => {
    captured.out = ''
    captured.err = ''
    const capture =
      (append: (text: string) => void) =>
      (chunk: unknown, ...rest: unknown[]) => {
        append(String(chunk))
        const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined
        done?.()
        return true
      }
    vi.spyOn(process.stdout, 'write').mockImplementation(
      capture((text) => (captured.out += text)) as typeof process.stdout.write,
    )
    vi.spyOn(process.stderr, 'write').mockImplementation(
      capture((text) => (captured.err += text)) as typeof process.stderr.write,
    )
  })
  afterEach(() => vi.restoreAllMocks())
  return captured
}
