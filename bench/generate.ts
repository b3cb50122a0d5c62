import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { slugify } from "../src/slug.ts";

/**
 * A deterministic synthetic archive for benchmarks: N story files in the archive's article format,
 * written as `out/YYYY/MM/<slug>.md`. The same article count and seed always give byte-identical
 * files: every choice comes from one seeded PRNG (sfc32), never from Math.random or the clock.
 *
 * Usage: node --import tsx bench/generate.ts --articles 10000 --out bench/out [--seed 1] [--clean]
 */

export interface GenerateOptions {
  /** How many story files to write. */
  articles: number;
  /** The articles folder to write into; created if missing, and must be empty. */
  out: string;
  /** Any number or text; the same seed gives the same archive. Default 1. */
  seed?: number | string;
  /** Delete `out` first if it already holds files. */
  clean?: boolean;
}

export interface GenerateSummary {
  stories: number;
  full: number;
  referenceOnly: number;
  /** Authors who wrote at least one story. */
  authors: number;
  /** Topics (by case-insensitive slug) used by at least one story. */
  topics: number;
  /** Markdown links from one story's body to another story's file. */
  links: number;
  out: string;
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** sfc32: small, fast, good enough for synthetic data, and the same on every platform. */
class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    // cyrb128 turns any seed text into the four 32-bit words sfc32 starts from.
    const text = String(seed);
    let h1 = 1779033703,
      h2 = 3144134277,
      h3 = 1013904242,
      h4 = 2773480762;
    for (let i = 0; i < text.length; i++) {
      const k = text.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    this.a = (h1 ^ h2 ^ h3 ^ h4) >>> 0;
    this.b = (h2 ^ h1) >>> 0;
    this.c = (h3 ^ h1) >>> 0;
    this.d = (h4 ^ h1) >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** An index into `weights`, each chosen in proportion to its weight. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const weight of weights) total += weight;
    let u = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

/**
 * Draws ranks 0…n-1 with probability ∝ 1/(rank+1)^exponent (Zipf). A guide table jumps close to
 * the answer, so a draw costs a step or two even over thousands of ranks.
 */
class Zipf {
  private readonly cdf: Float64Array;
  private readonly guide: Uint32Array;

  constructor(n: number, exponent: number) {
    this.cdf = new Float64Array(n);
    let total = 0;
    for (let rank = 0; rank < n; rank++) total += 1 / Math.pow(rank + 1, exponent);
    let running = 0;
    for (let rank = 0; rank < n; rank++) {
      running += 1 / Math.pow(rank + 1, exponent) / total;
      this.cdf[rank] = running;
    }
    this.cdf[n - 1] = 1;
    const slots = Math.max(1024, n * 2);
    this.guide = new Uint32Array(slots);
    let rank = 0;
    for (let slot = 0; slot < slots; slot++) {
      while (this.cdf[rank] <= slot / slots) rank++;
      this.guide[slot] = rank;
    }
  }

  draw(random: Random): number {
    const u = random.next();
    let rank = this.guide[Math.floor(u * this.guide.length)];
    while (this.cdf[rank] <= u) rank++;
    return rank;
  }
}

// ---------------------------------------------------------------------------------------------
// Word lists

/** The most frequent words of English prose, most frequent first; they take the top Zipf ranks. */
const FUNCTION_WORDS = (
  "the of and to a in that is was for it on with as he be by at said his from has have an are " +
  "but not this they were had which or its will their been would who more we after also new one " +
  "two than year there about up when into last some could other over all out can first"
).split(" ");

const COMMON_WORDS = (
  "market network company government report minister plan deal price service customer system " +
  "operator vendor spectrum contract investment revenue profit quarter growth country region city " +
  "council court ruling law policy security rollout trial launch budget official spokesperson " +
  "analyst industry sector supplier equipment license auction tariff trade export import agency " +
  "regulator board chief executive director share shares stock investor fund bank loan debt cost " +
  "staff union strike talks agreement partner merger acquisition bid offer rival competitor data " +
  "platform software hardware cloud fiber cable mobile wireless broadband satellite device phone " +
  "handset chip factory plant project program study survey result figure number percent million " +
  "billion week month today yesterday tomorrow morning evening early late next previous recent " +
  "major minor local national international global public private federal state early annual " +
  "expected planned reported announced confirmed denied rejected approved delayed cancelled signed " +
  "opened closed raised cut increased fell rose grew slowed warned claimed argued noted added " +
  "told asked called named hired fired joined left moved built sold bought paid won lost faced " +
  "began ended continued remained became stayed returned reached passed failed agreed decided " +
  "election vote campaign candidate party leader mayor governor senator committee hearing inquiry " +
  "investigation evidence witness police crime fire storm flood weather school hospital health " +
  "energy power water transport rail road airport port housing property land farm food retail " +
  "shop store brand product model version update feature design test standard rule deadline " +
  "decision statement interview letter filing document source people residents workers users " +
  "children families voters members experts officials engineers researchers scientists teams " +
  "history future change problem issue question answer reason effect impact risk concern support " +
  "pressure demand supply capacity coverage speed quality access choice range level rate share"
).split(" ");

const SYLLABLE_ONSETS = "b c d f g h j k l m n p r s t v w z b d k l m n p r s t br ch dr gr pl sh st tr".split(" ");
const SYLLABLE_VOWELS = "a e i o u a e i o u a e o ai ea ou".split(" ");
const SYLLABLE_CODAS = ["", "", "", "", "", "n", "r", "s", "t", "l", "m", "nd", "st"];

const FIRST_NAMES = (
  "Aaron Abigail Adrian Aisha Alan Alice Amara Andrea Angela Anika Ben Bianca Brendan Bruno Caitlin " +
  "Carlos Carmen Chen Chloe Clara Colin Dana Daniel Daria Dev Diego Eamon Elena Eliza Emil Erin " +
  "Fatima Felix Fiona Gareth Grace Hana Hannah Hugo Ian Ingrid Isaac Ivan Jack Jana Jasmine Javier " +
  "Joanna Jonah Julia Kamal Karen Kenji Kofi Lara Laura Leon Lina Lucas Lydia Maeve Malik Marco " +
  "Maria Marta Mateo Mei Miriam Nadia Naomi Neil Nikhil Nina Noah Olga Omar Oscar Paula Pedro " +
  "Petra Priya Rafael Rania Ray Rebecca Rosa Ruth Sam Sara Sean Selin Simon Sofia Tariq Tessa " +
  "Theo Tomas Uma Victor Wei Yara Yusuf Zara Zoe"
).split(" ");

const LAST_NAMES = (
  "Abbott Adeyemi Alvarez Andersen Baker Banerjee Barros Becker Bennett Brennan Campbell Castillo " +
  "Chan Costa Dalton Delgado Dubois Duffy Ekstrom Evans Farah Fischer Flores Gallagher Garcia Greene " +
  "Hansen Harper Hayes Horvat Hughes Ibrahim Ito Jensen Jones Kaplan Kato Keller Khan Kim Kowalski " +
  "Larsen Lemaire Lindqvist Lopez Mahoney Marsh Mehta Mendes Meyer Moreau Morris Murphy Nakamura " +
  "Navarro Nguyen Novak Okafor Olsen Ortiz Park Patel Perez Petrov Quinn Ramos Reyes Richter Rossi " +
  "Russo Sato Schmidt Sharma Silva Singh Sokolov Sullivan Suzuki Tanaka Torres Varga Vogel Walsh " +
  "Weber Wilson Yamamoto Young Zhang Zielinski"
).split(" ");

const ROLES = [
  "Senior Editor",
  "Staff Writer",
  "Correspondent",
  "International Editor",
  "Mobile Editor",
  "Editor-in-Chief",
  "Contributing Editor",
  "Data Reporter",
  "Business Editor",
  "Political Correspondent",
];

const PUBLICATIONS = [
  { name: "The Daily Bench", host: "dailybench.example.com", weight: 70 },
  { name: "Bench Weekly", host: "www.benchweekly.example.org", weight: 15 },
  { name: "The Evening Ledger", host: "ledger.example.net", weight: 10 },
  { name: "Metro Wire", host: "metrowire.example.com", weight: 5 },
];

/**
 * Topics that stories spell differently by case, to exercise case-insensitive matching: the first
 * spelling is the usual one, the others turn up now and then. Placed at these Zipf ranks.
 */
const CASE_VARIANT_TOPICS = [
  { rank: 2, spellings: ["5G", "5g"] },
  { rank: 11, spellings: ["Net Neutrality", "net neutrality"] },
  { rank: 37, spellings: ["Open RAN", "Open Ran", "open RAN"] },
  { rank: 120, spellings: ["eSports", "Esports"] },
];

const TITLE_LINK_WORDS = ["of", "in", "for", "to", "on", "at", "with", "after", "over", "and"];

const LINK_SENTENCES: ReadonlyArray<(link: string) => string> = [
  (link) => `See also ${link}.`,
  (link) => `This follows ${link}, published earlier.`,
  (link) => `Background is in ${link}.`,
  (link) => `For context, read ${link}.`,
  (link) => `The story began with ${link}.`,
];

const FIRST_DAY = Date.UTC(2001, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);
const DAY_MS = 86_400_000;
const OFFSETS = ["-08:00", "-07:00", "-05:00", "-04:00", "+00:00", "+01:00", "+02:00", "+05:30", "+08:00", "+09:00"];

const TOPIC_COUNT = 200;
const VOCABULARY_SIZE = 4000;

const pad = (value: number) => String(value).padStart(2, "0");
const titleCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

// ---------------------------------------------------------------------------------------------
// The archive's cast: vocabulary, authors, topics

function buildVocabulary(random: Random): string[] {
  const seen = new Set<string>(FUNCTION_WORDS);
  const rest: string[] = [];
  for (const word of COMMON_WORDS) {
    if (!seen.has(word)) {
      seen.add(word);
      rest.push(word);
    }
  }
  const madeUp: string[] = [];
  while (seen.size < VOCABULARY_SIZE) {
    let word = "";
    const syllables = random.weighted([25, 55, 20]) + 1;
    for (let i = 0; i < syllables; i++) word += random.pick(SYLLABLE_ONSETS) + random.pick(SYLLABLE_VOWELS) + random.pick(SYLLABLE_CODAS);
    if (word.length < 3 || word.length > 11 || seen.has(word)) continue;
    seen.add(word);
    madeUp.push(word);
  }
  // Function words keep the top ranks; the common words share the next few hundred with some
  // made-up ones, and the long tail of rare words, the ones a search singles out, is made up.
  return [...FUNCTION_WORDS, ...random.shuffle([...rest, ...madeUp.slice(0, 400)]), ...madeUp.slice(400)];
}

interface Author {
  name: string;
  role?: string;
}

function buildAuthors(count: number, random: Random): Author[] {
  const seen = new Set<string>();
  const authors: Author[] = [];
  while (authors.length < count) {
    let name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    // Past a few thousand authors the plain pairs run out; a middle initial keeps names unique.
    if (seen.has(slugify(name))) name = name.replace(" ", ` ${String.fromCharCode(65 + random.int(0, 25))}. `);
    const key = slugify(name);
    if (seen.has(key)) continue;
    seen.add(key);
    authors.push(random.chance(0.35) ? { name, role: random.pick(ROLES) } : { name });
  }
  return authors;
}

/** Each topic is a list of spellings; all but the case-variant topics have exactly one. */
function buildTopics(vocabulary: readonly string[], random: Random): string[][] {
  const contentWords = vocabulary.slice(FUNCTION_WORDS.length);
  const seen = new Set<string>();
  for (const variant of CASE_VARIANT_TOPICS) {
    for (const spelling of variant.spellings) {
      if (slugify(spelling) !== slugify(variant.spellings[0]))
        throw new Error(`topic spellings ${variant.spellings.join(", ")} do not share a slug`);
    }
    seen.add(slugify(variant.spellings[0]));
  }
  const plain: string[][] = [];
  while (plain.length < TOPIC_COUNT - CASE_VARIANT_TOPICS.length) {
    let name: string;
    if (random.chance(0.08)) {
      // An acronym, like the archive's "NDAA" or "ZTE".
      name = "";
      const letters = random.int(2, 4);
      for (let i = 0; i < letters; i++) name += String.fromCharCode(65 + random.int(0, 25));
    } else {
      const words = random.weighted([45, 45, 10]) + 1;
      const parts: string[] = [];
      for (let i = 0; i < words; i++) parts.push(titleCase(random.pick(contentWords)));
      name = parts.join(" ");
    }
    const key = slugify(name);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    plain.push([name]);
  }
  const topics = random.shuffle(plain);
  for (const variant of CASE_VARIANT_TOPICS) topics.splice(variant.rank, 0, variant.spellings);
  return topics;
}

// ---------------------------------------------------------------------------------------------
// One story

interface StoryDraft {
  title: string;
  date: string;
  dateInferred: boolean;
  bylines: Author[];
  publication: string;
  topics: string[];
  source?: string;
  body: string;
}

function frontMatter(story: StoryDraft): string {
  let text = `---\ntitle: ${JSON.stringify(story.title)}\ndate: ${story.date}\n`;
  if (story.dateInferred) text += "dateInferred: true\n";
  if (story.bylines.length > 0) {
    text += "byline:\n";
    for (const byline of story.bylines) {
      text += `  - name: ${byline.name}\n`;
      if (byline.role) text += `    role: ${byline.role}\n`;
    }
  }
  text += `publication: ${story.publication}\n`;
  text += `topics: [${story.topics.map((topic) => JSON.stringify(topic)).join(", ")}]\n`;
  if (story.source) text += `source: ${story.source}\n`;
  return text + "---\n";
}

/** Plain prose: letters, spaces, commas and full stops only, so nothing in it is Markdown syntax. */
function sentence(words: readonly string[], zipf: Zipf, random: Random, length: number): string {
  let text = titleCase(words[zipf.draw(random)]);
  for (let i = 1; i < length; i++) {
    text += (i > 2 && i < length - 2 && random.chance(0.06) ? ", " : " ") + words[zipf.draw(random)];
  }
  return text + ".";
}

function paragraphs(words: readonly string[], zipf: Zipf, random: Random): string[] {
  const target = random.int(450, 750);
  const count = random.int(5, 9);
  const shares: number[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const share = 0.5 + random.next();
    shares.push(share);
    total += share;
  }
  return shares.map((share) => {
    const budget = Math.max(12, Math.round((target * share) / total));
    const sentences: string[] = [];
    let written = 0;
    while (written < budget) {
      const length = Math.min(random.int(6, 24), Math.max(6, budget - written));
      sentences.push(sentence(words, zipf, random, length));
      written += length;
    }
    return sentences.join(" ");
  });
}

function uniqueTitle(words: readonly string[], zipf: Zipf, random: Random, slugs: Set<string>): { title: string; slug: string } {
  const length = random.int(4, 9);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    let rank = zipf.draw(random);
    while (rank < FUNCTION_WORDS.length) rank = zipf.draw(random);
    parts.push(titleCase(words[rank]));
  }
  // Now and then a small word in lower case, as headline style has it: "Rates Rise in Lorvand".
  if (length > 4 && random.chance(0.5)) parts.splice(random.int(1, length - 2), 0, random.pick(TITLE_LINK_WORDS));
  let title = parts.join(" ");
  let slug = slugify(title);
  for (let attempt = 2; slugs.has(slug); attempt++) {
    title = `${parts.join(" ")} ${attempt}`;
    slug = slugify(title);
  }
  slugs.add(slug);
  return { title, slug };
}

// ---------------------------------------------------------------------------------------------

export function generateArchive(options: GenerateOptions): GenerateSummary {
  const { articles, out } = options;
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`articles: expected a whole number of at least 1, received ${articles}`);
  prepareOutput(out, options.clean ?? false);

  const random = new Random(options.seed ?? 1);
  const vocabulary = buildVocabulary(random);
  const wordZipf = new Zipf(vocabulary.length, 1.0);
  const authors = buildAuthors(Math.max(3, Math.round(articles / 50)), random);
  const authorZipf = new Zipf(authors.length, 1.0);
  const topics = buildTopics(vocabulary, random);
  const topicZipf = new Zipf(topics.length, 1.1);
  const publicationWeights = PUBLICATIONS.map((publication) => publication.weight);

  // Days in order, so stories come out oldest first and every link points back in time. The
  // first and last stories sit on the range's ends, so the archive always spans all 25 years.
  const dayCount = (LAST_DAY - FIRST_DAY) / DAY_MS + 1;
  const days = new Int32Array(articles);
  for (let i = 0; i < articles; i++) days[i] = Math.floor(random.next() * dayCount);
  days.sort();
  days[0] = 0;
  if (articles > 1) days[articles - 1] = dayCount - 1;

  // All the generator remembers of written stories: what a later story needs to link to them.
  const paths: string[] = [];
  const titles: string[] = [];
  const slugs = new Set<string>();
  const madeDirs = new Set<string>();
  const authorsUsed = new Set<number>();
  const topicsUsed = new Set<number>();
  let full = 0;
  let links = 0;

  for (let index = 0; index < articles; index++) {
    const day = new Date(FIRST_DAY + days[index] * DAY_MS);
    const year = day.getUTCFullYear();
    const month = pad(day.getUTCMonth() + 1);
    let date = `${year}-${month}-${pad(day.getUTCDate())}`;
    const dateInferred = random.chance(0.05);
    if (!dateInferred && random.chance(0.25)) {
      date += `T${pad(random.int(0, 23))}:${pad(random.int(0, 11) * 5)}:00${random.pick(OFFSETS)}`;
    }

    const { title, slug } = uniqueTitle(vocabulary, wordZipf, random, slugs);
    const dir = `${year}/${month}`;
    const sourcePath = `${dir}/${slug}.md`;

    const bylines: Author[] = [];
    const bylineCount = random.chance(0.2) ? 2 : 1;
    while (bylines.length < bylineCount) {
      const author = authorZipf.draw(random);
      if (bylines.includes(authors[author])) continue;
      bylines.push(authors[author]);
      authorsUsed.add(author);
    }

    const publication = PUBLICATIONS[random.weighted(publicationWeights)];

    const storyTopics: number[] = [];
    const topicCount = random.weighted([20, 30, 25, 15, 10]) + 1;
    while (storyTopics.length < topicCount) {
      const topic = topicZipf.draw(random);
      if (!storyTopics.includes(topic)) storyTopics.push(topic);
    }
    const topicNames = storyTopics.map((topic) => {
      topicsUsed.add(topic);
      const spellings = topics[topic];
      return spellings.length > 1 && random.chance(0.2) ? random.pick(spellings.slice(1)) : spellings[0];
    });

    const source = random.chance(0.5) ? `https://${publication.host}/news/${year}/${month}/${slug}-${100000 + index}` : undefined;

    let body = "";
    if (!random.chance(0.1)) {
      full++;
      const text = paragraphs(vocabulary, wordZipf, random);
      if (index > 0 && random.chance(0.3)) {
        const linkCount = Math.min(index, random.int(1, 3));
        const targets: number[] = [];
        while (targets.length < linkCount) {
          // Mostly recent stories, as a follow-up would cite; sometimes anything from the archive.
          const target = random.chance(0.7) ? Math.max(0, index - 1 - Math.floor(random.next() * 500)) : Math.floor(random.next() * index);
          if (!targets.includes(target)) targets.push(target);
        }
        for (const target of targets) {
          const targetPath = paths[target];
          const relativeDir = path.posix.relative(dir, path.posix.dirname(targetPath));
          const href = relativeDir === "" ? path.posix.basename(targetPath) : `${relativeDir}/${path.posix.basename(targetPath)}`;
          const paragraph = random.int(0, text.length - 1);
          text[paragraph] += " " + random.pick(LINK_SENTENCES)(`[${titles[target]}](${href})`);
          links++;
        }
      }
      body = "\n" + text.join("\n\n") + "\n";
    }

    const story: StoryDraft = { title, date, dateInferred, bylines, publication: publication.name, topics: topicNames, source, body };
    if (!madeDirs.has(dir)) {
      mkdirSync(path.join(out, dir), { recursive: true });
      madeDirs.add(dir);
    }
    writeFileSync(path.join(out, sourcePath), frontMatter(story) + body);
    paths.push(sourcePath);
    titles.push(title);
  }

  return { stories: articles, full, referenceOnly: articles - full, authors: authorsUsed.size, topics: topicsUsed.size, links, out };
}

/** Refuses to mix generated stories with files already there, unless asked to clear them. */
function prepareOutput(out: string, clean: boolean): void {
  let existing: string[] = [];
  try {
    existing = readdirSync(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (existing.length > 0) {
    if (!clean) throw new Error(`${out} is not empty; choose an empty folder, or pass --clean to delete what is in it first`);
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
}

// ---------------------------------------------------------------------------------------------
// Command line

const usage = "usage: node --import tsx bench/generate.ts --articles N --out DIR [--seed S] [--clean]";

function main(): void {
  const { values } = parseArgs({
    options: {
      articles: { type: "string" },
      out: { type: "string" },
      seed: { type: "string", default: "1" },
      clean: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const articles = Number(values.articles);
  if (values.articles === undefined || !Number.isInteger(articles) || articles < 1 || values.out === undefined) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const summary = generateArchive({ articles, out: values.out, seed: values.seed, clean: values.clean });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${summary.stories} stories (${summary.full} full, ${summary.referenceOnly} reference-only), ${summary.authors} authors, ` +
      `${summary.topics} topics, ${summary.links} links → ${summary.out} in ${seconds} s`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
