import type { IndexEntry } from "./indexes.ts";
import type { Story } from "./story.ts";

/** How much each kind of closeness counts, in the manner of Hugo's weighted related content. */
export const relatedWeights = { sharedTopic: 2, sharedByline: 1.5, closeInDate: 1 };

/** Neighbours looked at on each side of a story, in each of its topic and byline lists. */
const WINDOW = 12;
const DAY = 86_400_000;

/**
 * Up to `limit` related stories for every story, scored by shared topics, shared bylines and
 * closeness in date. Candidates come from the topic and byline indexes (each sorted by date):
 * only the stories nearest in date on each of a story's lists are scored, never every pair, so
 * the work grows linearly with the archive. Ties go to the newer story, then by address.
 */
export function findRelatedStories(
  stories: readonly Story[],
  indexes: { topics: IndexEntry[]; authors: IndexEntry[] },
  limit = 5,
): Map<string, Story[]> {
  // Stories by number, and scores in typed arrays: this runs on every build, over every story.
  const numberOf = new Map<Story, number>();
  stories.forEach((story, number) => numberOf.set(story, number));
  const millis = Float64Array.from(stories, (story) => story.date.local.toMillis());
  const lists: Int32Array[] = [];
  const listWeights: number[] = [];
  /** For each story, pairs of (list, position in it). */
  const memberships: number[][] = stories.map(() => []);
  for (const [entries, weight] of [
    [indexes.topics, relatedWeights.sharedTopic],
    [indexes.authors, relatedWeights.sharedByline],
  ] as const) {
    for (const entry of entries) {
      const list = Int32Array.from(entry.stories, (story) => numberOf.get(story)!);
      list.forEach((number, position) => memberships[number].push(lists.length, position));
      lists.push(list);
      listWeights.push(weight);
    }
  }

  const shared = new Float64Array(stories.length);
  const candidates = new Int32Array(stories.length);
  const related = new Map<string, Story[]>();
  for (const [number, story] of stories.entries()) {
    let count = 0;
    const membership = memberships[number];
    for (let pair = 0; pair < membership.length; pair += 2) {
      const list = lists[membership[pair]];
      const weight = listWeights[membership[pair]];
      const position = membership[pair + 1];
      const to = Math.min(list.length, position + WINDOW + 1);
      for (let index = Math.max(0, position - WINDOW); index < to; index++) {
        const other = list[index];
        if (other === number) continue;
        if (shared[other] === 0) candidates[count++] = other;
        shared[other] += weight;
      }
    }
    const when = millis[number];
    const best: { story: Story; score: number; when: number }[] = [];
    const ranksBefore = (a: (typeof best)[number], b: (typeof best)[number]) =>
      a.score > b.score || (a.score === b.score && (a.when > b.when || (a.when === b.when && a.story.url < b.story.url)));
    // Only the best `limit` are kept, in order, as candidates arrive: no sort of every candidate.
    for (let candidateIndex = 0; candidateIndex < count; candidateIndex++) {
      const other = candidates[candidateIndex];
      const otherWhen = millis[other];
      const candidate = {
        story: stories[other],
        score: shared[other] + relatedWeights.closeInDate / (1 + Math.abs(otherWhen - when) / DAY / 30),
        when: otherWhen,
      };
      shared[other] = 0;
      if (best.length === limit && !ranksBefore(candidate, best[limit - 1])) continue;
      let position = best.length;
      while (position > 0 && ranksBefore(candidate, best[position - 1])) position--;
      best.splice(position, 0, candidate);
      if (best.length > limit) best.pop();
    }
    related.set(
      story.sourcePath,
      best.map((entry) => entry.story),
    );
  }
  return related;
}
