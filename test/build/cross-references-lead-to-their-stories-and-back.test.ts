import { suite } from "uvu";
import * as assert from "uvu/assert";
import { realArchive } from "../support/builtSite.ts";
import { elements, links, mainOf, sectionHeaded, texts } from "../support/html.ts";
import { STORY_URL } from "../support/pageListings.ts";

const SEED_URL = "/2018/11/23/huawei-faces-further-heat-from-us-administration-report/";
const SEED_TITLE = "Huawei Faces Further Heat From US Administration – Report";

/** The seed's eleven cross-references, in the order of the wire copy: five inline, six in the closing list. */
const CROSS_REFERENCES = [
  { text: "Australia Excludes Huawei, ZTE From 5G Rollouts", href: "/2018/08/23/australia-excludes-huawei-zte-from-5g-rollouts/" },
  { text: "No 5G Deal: Huawei Misses Out at SKT", href: "/2018/09/17/no-5g-deal-huawei-misses-out-at-skt/" },
  {
    text: "India Joins US & Australia to Give Huawei, ZTE 5G Cold Shoulder – Reports",
    href: "/2018/09/17/india-joins-us-and-australia-to-give-huawei-zte-5g-cold-shoulder-reports/",
  },
  {
    text: "BT's McRae: Huawei Is 'the Only True 5G Supplier Right Now'",
    href: "/2018/11/21/bts-mcrae-huawei-is-the-only-true-5g-supplier-right-now/",
  },
  {
    text: "Huawei Has Shipped 10K 5G Basestations Outside China",
    href: "/2018/11/20/huawei-has-shipped-10k-5g-basestations-outside-china/",
  },
  {
    text: "US Government Agencies Barred From Buying Huawei, ZTE Tech",
    href: "/2018/08/15/us-government-agencies-barred-from-buying-huawei-zte-tech/",
  },
  { text: "Trump Admin Reboots $50B China Tech Tariffs", href: "/2018/05/29/trump-admin-reboots-50b-china-tech-tariffs/" },
  {
    text: "Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases",
    href: "/2018/05/02/pentagon-blocks-huawei-and-zte-phone-sales-on-military-bases/",
  },
  { text: "Huawei, ZTE in the Eye of a Trade Storm", href: "/2018/04/26/huawei-zte-in-the-eye-of-a-trade-storm/" },
  { text: "AT&T Warned to Cut Ties With Huawei – Report", href: "/2018/01/17/at-and-t-warned-to-cut-ties-with-huawei-report/" },
  { text: "US vs Huawei/ZTE: The Verdict", href: "/2012/10/08/us-vs-huawei-zte-the-verdict/" },
];

/** The links from the seed's text to other stories (the article, not the lists around it). */
async function seedCrossReferences() {
  const site = await realArchive();
  const article = elements(mainOf(site.page(SEED_URL)), "article")[0] ?? "";
  return links(article).filter((link) => STORY_URL.test(link.href));
}

// ---------------------------------------------------------------------------------------------

const outward = suite("the seed's cross-references lead to the stories they name");

outward("the seed's text links its eleven cross-referenced titles to their story pages", async () => {
  assert.equal(await seedCrossReferences(), CROSS_REFERENCES);
});

outward("each link leads to a page that the build wrote", async () => {
  const site = await realArchive();
  for (const { href } of await seedCrossReferences()) assert.ok(site.has(href), `the seed links to ${href}, but there is no page there`);
});

outward("each page linked to has exactly the linked title as its headline", async () => {
  const site = await realArchive();
  for (const { href, text } of await seedCrossReferences()) {
    assert.equal(texts(site.page(href), "h1"), [text], `the headline of ${href}`);
  }
});

outward.run();

// ---------------------------------------------------------------------------------------------

const back = suite("each story the seed links to links back to it under Referenced by");

back("every cross-referenced page lists the seed under Referenced by", async () => {
  const site = await realArchive();
  for (const { href } of CROSS_REFERENCES) {
    const referencedBy = sectionHeaded(mainOf(site.page(href)), "Referenced by");
    assert.ok(referencedBy !== undefined, `${href} has no "Referenced by" heading`);
    assert.equal(
      links(referencedBy!).filter((link) => STORY_URL.test(link.href)),
      [{ href: SEED_URL, text: SEED_TITLE }],
      `Referenced by on ${href}`,
    );
  }
});

back("the seed, which no story links to, lists nothing under Referenced by", async () => {
  const referencedBy = sectionHeaded(mainOf((await realArchive()).page(SEED_URL)), "Referenced by");
  assert.ok(referencedBy !== undefined, 'the seed has no "Referenced by" heading');
  assert.equal(
    links(referencedBy!).filter((link) => STORY_URL.test(link.href)),
    [],
  );
});

back.run();
