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
export function findRelatedStories(stories: readonly Story[], indexes: { topics: IndexEntry[]; authors: IndexEntry[] }, limit = 5): Map<string, Story[]> {
  const memberships = new Map<Story, { entry: IndexEntry; position: number; weight: number }[]>();
  const addMemberships = (entries: IndexEntry[], weight: number) => {
    for (const entry of entries) {
      entry.stories.forEach((story, position) => {
        let list = memberships.get(story);
        if (!list) memberships.set(story, (list = []));
        list.push({ entry, position, weight });
      });
    }
  };
  addMemberships(indexes.topics, relatedWeights.sharedTopic);
  addMemberships(indexes.authors, relatedWeights.sharedByline);

  const millis = new Map(stories.map((story) => [story, story.date.local.toMillis()]));
  const related = new Map<string, Story[]>();
  for (const story of stories) {
    const scores = new Map<Story, number>();
    for (const { entry, position, weight } of memberships.get(story) ?? []) {
      const from = Math.max(0, position - WINDOW);
      const to = Math.min(entry.stories.length, position + WINDOW + 1);
      for (let index = from; index < to; index++) {
        const other = entry.stories[index];
        if (other !== story) scores.set(other, (scores.get(other) ?? 0) + weight);
      }
    }
    const when = millis.get(story)!;
    const best: { story: Story; score: number; when: number }[] = [];
    const ranksBefore = (a: (typeof best)[number], b: (typeof best)[number]) =>
      a.score > b.score || (a.score === b.score && (a.when > b.when || (a.when === b.when && a.story.url < b.story.url)));
    // Only the best `limit` are kept, in order, as candidates arrive: no sort of every candidate.
    for (const [other, shared] of scores) {
      const otherWhen = millis.get(other)!;
      const candidate = { story: other, score: shared + relatedWeights.closeInDate / (1 + Math.abs(otherWhen - when) / DAY / 30), when: otherWhen };
      if (best.length === limit && !ranksBefore(candidate, best[limit - 1])) continue;
      let position = best.length;
      while (position > 0 && ranksBefore(candidate, best[position - 1])) position--;
      best.splice(position, 0, candidate);
      if (best.length > limit) best.pop();
    }
    related.set(story.sourcePath, best.map((entry) => entry.story));
  }
  return related;
}
