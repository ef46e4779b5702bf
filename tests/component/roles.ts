// Finding elements as a user would: by role and accessible name (a small subset of the ARIA rules,
// enough for these tests: explicit roles, the implicit roles of common elements, and names from
// aria-label, aria-labelledby, a fieldset's legend, a wrapping or linked <label>, or the text content).
const IMPLICIT: Record<string, string> = {
  button: 'button',
  a: 'link',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  nav: 'navigation',
  article: 'article',
  select: 'combobox',
  textarea: 'textbox',
  ul: 'list',
  ol: 'list',
  li: 'listitem',
  table: 'table',
  tr: 'row',
  form: 'form',
  dialog: 'dialog',
  fieldset: 'group',
  progress: 'progressbar',
}

function roleOf(el: Element): string | undefined {
  const explicit = el.getAttribute('role')
  if (explicit) return explicit
  const tag = el.tagName.toLowerCase()
  // A section is a region only when it has a name.
  if (tag === 'section')
    return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : undefined
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase()
    if (type === 'checkbox') return 'checkbox'
    if (type === 'radio') return 'radio'
    if (type === 'search') return 'searchbox'
    if (type === 'number') return 'spinbutton'
    if (type === 'button' || type === 'submit') return 'button'
    return 'textbox'
  }
  return IMPLICIT[tag]
}

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()

export function nameOf(el: Element): string {
  const label = el.getAttribute('aria-label')
  if (label) return clean(label)
  const by = el.getAttribute('aria-labelledby')
  if (by)
    return clean(
      by
        .split(/\s+/)
        .map((id) => el.ownerDocument.getElementById(id)?.textContent)
        .join(' '),
    )
  const legend = el.tagName.toLowerCase() === 'fieldset' ? el.querySelector(':scope > legend') : null
  if (legend) return clean(legend.textContent)
  if (el.id) {
    const linked = el.ownerDocument.querySelector(`label[for="${el.id}"]`)
    if (linked) return clean(linked.textContent)
  }
  const wrapping = el.closest('label')
  if (wrapping && wrapping !== el && roleOf(el) !== 'button') return clean(wrapping.textContent)
  return clean(el.textContent)
}

/** Every element in `root` with this role (and name: exact text, or matching the RegExp). */
export function allByRole(root: Element, role: string, name?: string | RegExp): HTMLElement[] {
  const out: HTMLElement[] = []
  for (const el of root.querySelectorAll('*')) {
    if (roleOf(el) !== role) continue
    if (el.closest('[hidden], [aria-hidden="true"]')) continue
    if (name !== undefined) {
      const n = nameOf(el)
      if (typeof name === 'string' ? n !== name : !name.test(n)) continue
    }
    out.push(el as HTMLElement)
  }
  return out
}

/** The one element with this role and name; throws when there is none or more than one. */
export function byRole(root: Element, role: string, name?: string | RegExp): HTMLElement {
  const found = allByRole(root, role, name)
  if (found.length !== 1) throw new Error(`expected one ${role} named ${String(name)}, found ${found.length}`)
  return found[0] as HTMLElement
}
