/** A section as pickers get it (server/services/sections.ts listSections). */
export interface SectionChoice {
  id: string;
  name: string;
  retired: boolean;
}

const label = (s: SectionChoice) => ({ id: s.id, name: s.retired ? `${s.name} (retired)` : s.name });

/**
 * What a picker offers: the sections in use, and the one already chosen even if it has been
 * retired since (marked), so saving a story or line keeps it.
 */
export function offeredSections(all: SectionChoice[], current: string | null | undefined) {
  return all.filter((s) => !s.retired || s.id === current).map(label);
}

/** Every section, retired ones marked: for finding stories, not for choosing where they go. */
export const everySection = (all: SectionChoice[]) => all.map(label);
