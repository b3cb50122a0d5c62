import { suite } from "uvu";
import * as assert from "uvu/assert";
import { realArchive } from "../support/builtSite.ts";
import { elements, links, mainOf, texts, textAround } from "../support/html.ts";

interface Facts {
  url: string;
  title: string;
  /** What the date line reads. */
  dated: string;
  datetime: string;
  /** Author page links of the byline: [name, url]. */
  byline: [string, string][];
  /** The original address, or undefined where FACTS.md says it is unknown. */
  source?: string;
}

/** The twelve stories of ../shared/seed/FACTS.md, as their pages must show them. */
const STORIES: Facts[] = [
  {
    url: "/2018/11/23/huawei-faces-further-heat-from-us-administration-report/",
    title: "Huawei Faces Further Heat From US Administration – Report",
    dated: "23 November 2018 (date inferred)",
    datetime: "2018-11-23",
    byline: [["Ray Le Maistre", "/authors/ray-le-maistre/"]],
    source: "https://www.lightreading.com/mobile/5g/huawei-faces-further-heat-from-us-administration-andndash-report/d/d-id/747773",
  },
  {
    url: "/2018/08/23/australia-excludes-huawei-zte-from-5g-rollouts/",
    title: "Australia Excludes Huawei, ZTE From 5G Rollouts",
    dated: "23 August 2018 (date inferred)",
    datetime: "2018-08-23",
    byline: [],
    source: "https://www.lightreading.com/mobile/5g/australia-excludes-huawei-zte-from-5g-rollouts/d/d-id/745596",
  },
  {
    url: "/2018/09/17/no-5g-deal-huawei-misses-out-at-skt/",
    title: "No 5G Deal: Huawei Misses Out at SKT",
    dated: "17 September 2018",
    datetime: "2018-09-17",
    byline: [["Iain Morris", "/authors/iain-morris/"]],
    source: "https://www.lightreading.com/mobile/5g/no-5g-deal-huawei-misses-out-at-skt/d/d-id/746130",
  },
  {
    url: "/2018/09/17/india-joins-us-and-australia-to-give-huawei-zte-5g-cold-shoulder-reports/",
    title: "India Joins US & Australia to Give Huawei, ZTE 5G Cold Shoulder – Reports",
    dated: "17 September 2018 (date inferred)",
    datetime: "2018-09-17",
    byline: [],
    source:
      "https://www.lightreading.com/mobile/5g/india-joins-us-and-australia-to-give-huawei-zte-5g-cold-shoulder-andndash-reports/d/d-id/746132",
  },
  {
    url: "/2018/11/21/bts-mcrae-huawei-is-the-only-true-5g-supplier-right-now/",
    title: "BT's McRae: Huawei Is 'the Only True 5G Supplier Right Now'",
    dated: "21 November 2018 (date inferred)",
    datetime: "2018-11-21",
    byline: [],
  },
  {
    url: "/2018/11/20/huawei-has-shipped-10k-5g-basestations-outside-china/",
    title: "Huawei Has Shipped 10K 5G Basestations Outside China",
    dated: "20 November 2018 (date inferred)",
    datetime: "2018-11-20",
    byline: [],
  },
  {
    url: "/2018/08/15/us-government-agencies-barred-from-buying-huawei-zte-tech/",
    title: "US Government Agencies Barred From Buying Huawei, ZTE Tech",
    dated: "15 August 2018",
    datetime: "2018-08-15",
    byline: [],
    source: "https://www.lightreading.com/security/us-government-agencies-barred-from-buying-huawei-zte-tech",
  },
  {
    url: "/2018/05/29/trump-admin-reboots-50b-china-tech-tariffs/",
    title: "Trump Admin Reboots $50B China Tech Tariffs",
    dated: "29 May 2018 (date inferred)",
    datetime: "2018-05-29",
    byline: [["Dan Jones", "/authors/dan-jones/"]],
    source: "https://www.lightreading.com/mobile/devices-smartphones/trump-admin-reboots-$50b-china-tech-tariffs/d/d-id/743441",
  },
  {
    url: "/2018/05/02/pentagon-blocks-huawei-and-zte-phone-sales-on-military-bases/",
    title: "Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases",
    dated: "2 May 2018",
    datetime: "2018-05-02",
    byline: [["Dan Jones", "/authors/dan-jones/"]],
    source: "https://www.lightreading.com/mobile/4g-lte/pentagon-blocks-huawei-and-zte-phone-sales-on-military-bases/d/d-id/742786",
  },
  {
    url: "/2018/04/26/huawei-zte-in-the-eye-of-a-trade-storm/",
    title: "Huawei, ZTE in the Eye of a Trade Storm",
    dated: "26 April 2018",
    datetime: "2018-04-26",
    byline: [["Robert Clark", "/authors/robert-clark/"]],
    source: "https://www.lightreading.com/mobile-core/huawei-zte-in-the-eye-of-a-trade-storm",
  },
  {
    url: "/2018/01/17/at-and-t-warned-to-cut-ties-with-huawei-report/",
    title: "AT&T Warned to Cut Ties With Huawei – Report",
    dated: "17 January 2018",
    datetime: "2018-01-17",
    byline: [["Iain Morris", "/authors/iain-morris/"]],
    source: "https://www.lightreading.com/mobile-core/at-t-warned-to-cut-ties-with-huawei-report",
  },
  {
    url: "/2012/10/08/us-vs-huawei-zte-the-verdict/",
    title: "US vs Huawei/ZTE: The Verdict",
    dated: "8 October 2012",
    datetime: "2012-10-08",
    byline: [["Ray Le Maistre", "/authors/ray-le-maistre/"]],
    source: "http://www.lightreading.com/blog/security/us-vs-huaweizte-the-verdict/240135634",
  },
];

async function articleOf(url: string): Promise<string> {
  const article = elements(mainOf((await realArchive()).page(url)), "article");
  assert.is(article.length, 1, `${url} has one <article>`);
  return article[0];
}

// ---------------------------------------------------------------------------------------------

const pages = suite("every story page shows the facts we hold of it");

pages("each of the twelve stories has its page, headed by its title", async () => {
  const site = await realArchive();
  for (const story of STORIES) assert.equal(texts(site.page(story.url), "h1"), [story.title], story.url);
});

pages("the date line reads the local day, marked where the day was inferred, in a <time datetime>", async () => {
  for (const story of STORIES) {
    const article = await articleOf(story.url);
    assert.is(textAround(article, new RegExp(`<time datetime="${story.datetime}"`)), story.dated, story.url);
  }
});

pages("the byline links each known author to their page, and no author is made up", async () => {
  for (const story of STORIES) {
    const authorLinks = links(await articleOf(story.url)).filter((link) => link.href.startsWith("/authors/"));
    assert.equal(
      authorLinks.map((link) => [link.text, link.href]),
      story.byline,
      story.url,
    );
  }
});

pages("an author's role is shown beside their name", async () => {
  const roles: [string, RegExp][] = [
    ["/2018/09/17/no-5g-deal-huawei-misses-out-at-skt/", /\bIain Morris, International Editor$/],
    ["/2018/05/02/pentagon-blocks-huawei-and-zte-phone-sales-on-military-bases/", /\bDan Jones, Mobile Editor$/],
    ["/2018/04/26/huawei-zte-in-the-eye-of-a-trade-storm/", /\bRobert Clark, Contributing Editor$/],
  ];
  for (const [url, byline] of roles) assert.match(textAround(await articleOf(url), /rel="author"/) ?? "", byline, url);
});

pages("every story is shown as a Light Reading story", async () => {
  for (const story of STORIES) assert.ok(texts(await articleOf(story.url), "p").includes("Light Reading"), story.url);
});

pages.run();

// ---------------------------------------------------------------------------------------------

const referenceOnly = suite("a reference-only story's page says we hold its facts, not its text");

referenceOnly("the eleven stories we do not hold say the archive holds only their facts", async () => {
  for (const story of STORIES.slice(1)) assert.match(textsOf(await articleOf(story.url)), /only the facts/i, story.url);
});

referenceOnly("the original address is linked where it is known", async () => {
  for (const story of STORIES.filter((story) => story.source)) {
    const article = await articleOf(story.url);
    assert.ok(
      links(article).some((link) => link.href === story.source),
      `${story.url} does not link ${story.source}`,
    );
  }
});

referenceOnly("the two stories whose address is unknown say so, and link nowhere outside the archive", async () => {
  for (const story of STORIES.filter((story) => !story.source)) {
    const article = await articleOf(story.url);
    assert.match(textsOf(article), /original address[^.]* unknown/i, story.url);
    assert.equal(
      links(article).filter((link) => /^https?:/.test(link.href)),
      [],
      story.url,
    );
  }
});

referenceOnly.run();

function textsOf(html: string): string {
  return texts(html, "p").join("\n");
}
