// Reading a disputed fact's text (written by dispute.ts) for the answer side of a card: apart from
// the writing, which needs the prompts' wording, so that showing an answer loads only this.

/** A dispute's short line and its detail (see describeDispute in dispute.ts). */
export function disputeParts(dispute: string): { summary: string; detail: string } {
  const at = dispute.indexOf('\n')
  return at < 0 ? { summary: dispute, detail: '' } : { summary: dispute.slice(0, at), detail: dispute.slice(at + 1) }
}
