// Checks on the names of a deck's entities that help a teacher before a student is confused:
// two entities of one kind with the same name or alias (questions then have to tell them apart), an alias
// that is the name of a title or office ("Caesar" for a person and a title), and an alias list
// that YAML split at a comma inside a name (`[Arthur, Prince of Wales]` is two aliases).
import type { IssueList, Path } from './issues'
import type { Deck, Entity } from './types'

interface Named {
  entity: Entity
  text: string
  path: Path
}

const key = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ')
const TITLED = new Set(['title', 'office'])

/** Every name and alias of an entity, with where it is written. */
function namesOf(entity: Entity, rawAliases: unknown): Named[] {
  const base: Path = ['entities', entity.id]
  const out: Named[] = [{ entity, text: entity.name, path: [...base, 'name'] }]
  const single = typeof rawAliases === 'string'
  entity.aliases.forEach((alias, i) =>
    out.push({ entity, text: alias, path: single ? [...base, 'aliases'] : [...base, 'aliases', i] }),
  )
  for (const gender of ['male', 'female'] as const) {
    const title = entity.gendered?.[gender]
    if (title) out.push({ entity, text: title, path: [...base, 'gendered', gender] })
  }
  return out
}

// A list item that reads like the second half of a name cut at its comma ("Prince of Wales",
// "Duke of York", "the Elder", "Jr."), after a short first half ("Arthur").
const SECOND_HALF =
  /^(?:(?:the\s+)?(?:elder|younger|great)|jr\.?|sr\.?|(?:prince|princess|duke|duchess|earl|count|countess|lord|lady|king|queen|emperor|empress|despot|bishop|archbishop|marquess|baron|baroness|viscount|elector|margrave)\s+of\s+\S.*)$/i
const SHORT = /^\S+(?:\s+\S+)?$/

export function checkNames(deck: Deck, rawEntities: ReadonlyMap<string, unknown>, issues: IssueList): void {
  const byName = new Map<string, Named[]>()
  const all: Named[] = []
  for (const entity of deck.entities) {
    const raw = rawEntities.get(entity.id)
    const aliases =
      raw && typeof raw === 'object' && 'aliases' in raw ? (raw as { aliases: unknown }).aliases : undefined
    const names = namesOf(entity, aliases)
    all.push(...names)
    const seen = new Set<string>()
    for (const named of names) {
      const k = key(named.text)
      if (seen.has(k)) continue
      seen.add(k)
      byName.set(k, [...(byName.get(k) ?? []), named])
    }
    if (Array.isArray(aliases)) splitAliases(names, issues)
  }
  const line = (path: Path) => {
    const at = issues.lineOf(path)
    return at === undefined ? '' : ` (line ${at})`
  }
  for (const named of byName.values()) {
    const people = named.filter((n) => !TITLED.has(n.entity.kind))
    const titles = named.filter((n) => TITLED.has(n.entity.kind))
    // Entities of one kind are what questions mix up (a place called Anna confuses no one about a person).
    people.forEach((other, i) => {
      const first = people.slice(0, i).find((n) => n.entity.kind === other.entity.kind)
      if (!first) return
      const apart =
        other.entity.kind === 'person'
          ? `questions will tell them apart as "${other.text}, daughter of …" or by their dates`
          : 'questions cannot tell them apart'
      issues.warning(
        'same-name',
        other.path,
        `\`${first.entity.id}\`${line(first.path)} and \`${other.entity.id}\`${line(other.path)} are both called ${other.text}: ${apart}`,
        { hint: 'fine if both are right; otherwise give one of them a fuller name' },
      )
    })
    const title = titles[0]
    if (!title) continue
    for (const n of people)
      if (n.entity.kind === 'person' && n.path.includes('aliases'))
        issues.warning(
          'alias-is-title',
          n.path,
          `the alias \`${n.text}\` of \`${n.entity.id}\` is the name of the ${title.entity.kind} \`${title.entity.id}\`${line(title.path)}`,
          { hint: 'a title or office goes under `titles` or `held`, not under `aliases`' },
        )
  }
}

/** `aliases: [Arthur, Prince of Wales]`: YAML reads two aliases; the teacher meant one. */
function splitAliases(names: Named[], issues: IssueList): void {
  const aliases = names.slice(1)
  const whole = new Set(names.map((n) => key(n.text)))
  aliases.forEach((alias, i) => {
    const before = aliases[i - 1]
    if (!before) return
    const joined = `${before.text}, ${alias.text}`
    const looksCut = SHORT.test(before.text.trim()) && SECOND_HALF.test(alias.text.trim())
    if (!whole.has(key(joined)) && !looksCut) return
    issues.warning(
      'split-alias',
      alias.path,
      `the aliases \`${before.text}\` and \`${alias.text}\` look like one name cut at its comma`,
      {
        hint: `if it is one name, put it in quotes: "${joined}"`,
      },
    )
  })
}
