// The inputs of the kinds answered by more than a tap (typed, date, ordering, matching), with
// their date fields: the study card loads them when such a card shows, and the study view once
// its first card is painted, so that one never waits visibly.
export const loadAnswerInput = () => import('./AnswerInput.vue')

/** A question's picture: few cards have one, so it loads when one shows (and ahead, as above). */
export const loadAnswerPicture = () => import('./AnswerPicture.vue')
