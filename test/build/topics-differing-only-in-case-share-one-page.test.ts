import { readdirSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildOnce, fixturePath } from "../support/builtSite.ts";
import { elements, links, mainOf, texts } from "../support/html.ts";
import { countedEntries, listedTitles } from "../support/pageListings.ts";

const built = () => buildOnce(fixturePath("topics-differing-only-in-case-share-one-page"));

const oneTopic = suite("topics differing only in case share one page");

oneTopic("/topics/ lists each topic once, as most stories spell it, with all its stories counted", async () => {
  assert.equal(
    countedEntries((await built()).page("/topics/")).map((entry) => [entry.name, entry.url, entry.count]),
    [
      ["5G", "/topics/5g/", 3],
      ["Huawei", "/topics/huawei/", 3],
    ],
  );
});

oneTopic("there is one topic folder for each topic, however its stories spell it", async () => {
  const site = await built();
  assert.equal(readdirSync(path.join(site.output, "topics")).sort(), ["5g", "huawei", "index.html"]);
});

oneTopic("the topic page lists the stories of every spelling, newest first", async () => {
  const site = await built();
  assert.equal(listedTitles(site.page("/topics/5g/")), ["First 5G Phones Go on Sale", "Spectrum Auction Opens", "Operators Test 5G"]);
  assert.equal(listedTitles(site.page("/topics/huawei/")), ["First 5G Phones Go on Sale", "Spectrum Auction Opens", "Operators Test 5G"]);
});

oneTopic("the topic page is headed with the usual spelling", async () => {
  const [headline] = texts((await built()).page("/topics/5g/"), "h1");
  assert.match(headline, /\b5G\b/);
  assert.not.match(headline, /5g/);
});

oneTopic("a story that spelt the topic in lower case shows it with the usual spelling and links to its one page", async () => {
  const article = elements(mainOf((await built()).page("/2019/02/01/operators-test-5g/")), "article")[0] ?? "";
  assert.equal(
    links(article).filter((link) => link.href.startsWith("/topics/")),
    [
      { href: "/topics/5g/", text: "5G" },
      { href: "/topics/huawei/", text: "Huawei" },
    ],
  );
});

oneTopic("a story that gives one topic in two spellings shows it once", async () => {
  const article = elements(mainOf((await built()).page("/2019/04/03/first-5g-phones-go-on-sale/")), "article")[0] ?? "";
  assert.equal(
    links(article).filter((link) => link.href.startsWith("/topics/")),
    [
      { href: "/topics/5g/", text: "5G" },
      { href: "/topics/huawei/", text: "Huawei" },
    ],
  );
});

oneTopic.run();
