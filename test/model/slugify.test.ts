import { suite } from "uvu";
import * as assert from "uvu/assert";
import { slugify } from "../../src/slug.ts";

const slugs = suite("slugify");

slugs("turns the seed's titles into the slugs of their story files", () => {
  const titles = [
    "Huawei Faces Further Heat From US Administration – Report",
    "Australia Excludes Huawei, ZTE From 5G Rollouts",
    "No 5G Deal: Huawei Misses Out at SKT",
    "India Joins US & Australia to Give Huawei, ZTE 5G Cold Shoulder – Reports",
    "BT's McRae: Huawei Is 'the Only True 5G Supplier Right Now'",
    "Huawei Has Shipped 10K 5G Basestations Outside China",
    "US Government Agencies Barred From Buying Huawei, ZTE Tech",
    "Trump Admin Reboots $50B China Tech Tariffs",
    "Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases",
    "Huawei, ZTE in the Eye of a Trade Storm",
    "AT&T Warned to Cut Ties With Huawei – Report",
    "US vs Huawei/ZTE: The Verdict",
  ];
  assert.equal(titles.map(slugify), [
    "huawei-faces-further-heat-from-us-administration-report",
    "australia-excludes-huawei-zte-from-5g-rollouts",
    "no-5g-deal-huawei-misses-out-at-skt",
    "india-joins-us-and-australia-to-give-huawei-zte-5g-cold-shoulder-reports",
    "bts-mcrae-huawei-is-the-only-true-5g-supplier-right-now",
    "huawei-has-shipped-10k-5g-basestations-outside-china",
    "us-government-agencies-barred-from-buying-huawei-zte-tech",
    "trump-admin-reboots-50b-china-tech-tariffs",
    "pentagon-blocks-huawei-and-zte-phone-sales-on-military-bases",
    "huawei-zte-in-the-eye-of-a-trade-storm",
    "at-and-t-warned-to-cut-ties-with-huawei-report",
    "us-vs-huawei-zte-the-verdict",
  ]);
});

slugs("gives C, C++ and C# three addresses, saying a word-ending + or # as people do", () => {
  assert.equal(["C", "C++", "C#", "F#", "Google+"].map(slugify), ["c", "c-plus-plus", "c-sharp", "f-sharp", "google-plus"]);
  assert.is(slugify("Why C++ Matters to Embedded Teams"), "why-c-plus-plus-matters-to-embedded-teams");
  // Not after a letter, a + or # is punctuation as before.
  assert.equal(["5+ years", "Story #1", "a+b"].map(slugify), ["5-years", "story-1", "a-b"]);
});

slugs("keeps a name in camel case together", () => {
  assert.is(slugify("McRae"), "mcrae");
  assert.is(slugify("Neil McRae"), "neil-mcrae");
  assert.is(slugify("iPhone XS"), "iphone-xs");
});

slugs("spells out an ampersand", () => {
  assert.is(slugify("AT&T"), "at-and-t");
});

slugs("drops apostrophes, straight or curly, without splitting the word", () => {
  assert.is(slugify("BT's"), "bts");
  assert.is(slugify("It’s here"), "its-here");
});

slugs("gives the same slug whatever the letter case, so topics that differ only in case meet", () => {
  assert.is(slugify("5G"), "5g");
  assert.is(slugify("5g"), "5g");
  assert.is(slugify("US GOVERNMENT"), slugify("US government"));
});

slugs("transliterates letters with diacritics", () => {
  assert.is(slugify("José Mourinho"), "jose-mourinho");
  assert.is(slugify("Crème brûlée à Paris"), "creme-brulee-a-paris");
  assert.is(slugify("Łódź"), "lodz");
  assert.is(slugify("Ærø"), "aero");
});

slugs("keeps the letters of a Hebrew title", () => {
  assert.is(slugify("שלום עולם"), "שלום-עולם");
});

slugs("keeps the letters of a Chinese name", () => {
  assert.is(slugify("北京"), "北京");
});

slugs("gives nothing for a text without letters or digits, so the archive can say so", () => {
  assert.is(slugify(" -- !!! "), "");
});

slugs.run();
