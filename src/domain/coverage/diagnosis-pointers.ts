/** CMS-1500 box 21 holds up to 12 diagnoses, lettered A to L; box 24E points to at most 4 of them. */
export const POINTER_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const
export type PointerLetter = (typeof POINTER_LETTERS)[number]
export const MAX_POINTERS = 4

/** The letter of the diagnosis at `index` in the claim's list (0 → 'A'), or null past the twelfth. */
export function pointerLetter(index: number): PointerLetter | null {
  return POINTER_LETTERS[index] ?? null
}

/**
 * A line's default pointers: the diagnoses that support it first (as the coverage check found
 * them), then the others, each group in box 21's order, at most four. With no coverage answer the
 * first four diagnoses, in order.
 */
export function defaultPointers(diagnoses: readonly string[], supporting: readonly string[] = []): PointerLetter[] {
  const norm = (c: string) => c.trim().toUpperCase().replace('.', '')
  const support = new Set(supporting.map(norm))
  const indexes = diagnoses.map((d, i) => ({ i, first: support.has(norm(d)) }))
  const ordered = [...indexes.filter((x) => x.first), ...indexes.filter((x) => !x.first)]
  return ordered.slice(0, MAX_POINTERS).map((x) => pointerLetter(x.i)).filter((l): l is PointerLetter => l !== null)
}

/**
 * Checks pointers a coder typed: letters of existing diagnoses, none twice, at most four.
 * Returns what is wrong, or null.
 */
export function checkPointers(pointers: readonly string[], diagnosisCount: number): string | null {
  if (pointers.length > MAX_POINTERS) return `A claim line points to at most ${MAX_POINTERS} diagnoses (box 24E); this one has ${pointers.length}.`
  const seen = new Set<string>()
  for (const p of pointers) {
    const index = POINTER_LETTERS.indexOf(p as PointerLetter)
    if (index < 0) return `'${p}' is not a diagnosis pointer: use the letters A to L of box 21.`
    if (index >= diagnosisCount) return `Pointer ${p} has no diagnosis: the claim lists ${diagnosisCount === 0 ? 'none' : `only ${POINTER_LETTERS.slice(0, diagnosisCount).join(', ')}`}.`
    if (seen.has(p)) return `Pointer ${p} is given twice.`
    seen.add(p)
  }
  return null
}
