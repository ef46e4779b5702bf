// Mastery and retention split up: per person or kind of fact, and over several periods.
import type { CardProgress, ReviewRecord } from '../study/types'
import { deckMastery, retention, type Mastery, type Retention } from './stats'
import type { StartOfDay } from './streak'

export interface GroupMastery {
  /** What the cards have in common: a person's name, a kind of fact. */
  group: string
  mastery: Mastery
}

/**
 * Mastery of each group of cards, groups in the order their first card comes (deck order, so the
 * deck's main person is first). Cards without a group are left out; a card never studied has no
 * progress and counts as new.
 */
export function masteryBy(
  cards: readonly { cardId: string; group: string | undefined }[],
  progress: readonly CardProgress[],
): GroupMastery[] {
  const byCard = new Map(progress.map((p) => [p.cardId, p]))
  const groups = new Map<string, { count: number; progress: CardProgress[] }>()
  for (const { cardId, group } of cards) {
    if (group === undefined) continue
    let entry = groups.get(group)
    if (!entry) groups.set(group, (entry = { count: 0, progress: [] }))
    const p = byCard.get(cardId)
    if (p?.retired) continue
    entry.count++
    if (p) entry.progress.push(p)
  }
  return [...groups].map(([group, { count, progress: list }]) => ({ group, mastery: deckMastery(list, count) }))
}

export interface RetentionPeriod extends Retention {
  /** Calendar days covered, today included: 1 is today only. */
  days: number
  /** The local midnight the period starts at. */
  since: number
}

/**
 * True retention (as Anki's statistics show it) over the last `days` calendar days for each period:
 * the share of reviews of cards in long-term review answered Hard, Good or Easy, with the number
 * of reviews it rests on. Reviews after `now` are left out.
 */
export function retentionByPeriod(
  log: readonly Pick<ReviewRecord, 'at' | 'grade' | 'phaseBefore'>[],
  now: number,
  startOfDay: StartOfDay,
  periods: readonly number[] = [1, 7, 30, 365],
): RetentionPeriod[] {
  return periods.map((days) => {
    let since = startOfDay(now)
    for (let i = 1; i < days; i++) since = startOfDay(since - 1)
    return { days, since, ...retention(log.filter((r) => r.at >= since && r.at <= now)) }
  })
}
