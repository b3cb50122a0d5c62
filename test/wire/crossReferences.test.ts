import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  indexHeadlines,
  introducesSeeList,
  linkSeeAsides,
  linkSeeListItem,
  type KnownStory,
  type Piece,
} from "../../src/wire/crossReferences.ts";

const story = (title: string, sourcePath: string): KnownStory => ({ title, sourcePath });
const text = (value: string): Piece => ({ kind: "text", text: value });
const link = (title: string, sourcePath: string): Piece => ({ kind: "link", title, sourcePath });

const archive = indexHeadlines([
  story("Australia Excludes Huawei, ZTE From 5G Rollouts", "2018/08/a.md"),
  story("No 5G Deal: Huawei Misses Out at SKT", "2018/09/b.md"),
  story("India Joins US & Australia to Give Huawei, ZTE 5G Cold Shoulder – Reports", "2018/09/c.md"),
  story("Huawei and ZTE", "2018/01/d.md"),
  story("Huawei", "2018/01/e.md"),
  story("ZTE Win Deals", "2018/01/f.md"),
  story("Huawei, ZTE", "2018/01/g.md"),
]);

const asides = suite("linkSeeAsides links headlines in '(See …)' only where known headlines match");

asides("headlines holding ', ', ':', '&' and ' and ' are found whole, joined by ', ' and ' and '", () => {
  const linked = linkSeeAsides(
    {
      line: 5,
      text: "Yet to be seen. (See Australia Excludes Huawei, ZTE From 5G Rollouts, No 5G Deal: Huawei Misses Out at SKT and India Joins US & Australia to Give Huawei, ZTE 5G Cold Shoulder – Reports.) More.",
    },
    archive,
  );
  assert.equal(linked.pieces, [
    text("Yet to be seen. (See "),
    link("Australia Excludes Huawei, ZTE From 5G Rollouts", "2018/08/a.md"),
    text(", "),
    link("No 5G Deal: Huawei Misses Out at SKT", "2018/09/b.md"),
    text(" and "),
    link("India Joins US & Australia to Give Huawei, ZTE 5G Cold Shoulder – Reports", "2018/09/c.md"),
    text(".) More."),
  ]);
  assert.equal(linked.unmatched, []);
});

asides("the longest headline wins when it covers the same text as shorter ones", () => {
  assert.equal(linkSeeAsides({ line: 1, text: "(See Huawei, ZTE.)" }, archive).pieces, [
    text("(See "),
    link("Huawei, ZTE", "2018/01/g.md"),
    text(".)"),
  ]);
});

asides("a longer headline that leaves the rest unreadable gives way to shorter ones", () => {
  // "Huawei and ZTE" is known, but " Win Deals" after it is no separator.
  assert.equal(linkSeeAsides({ line: 1, text: "(See Huawei and ZTE Win Deals)" }, archive).pieces, [
    text("(See "),
    link("Huawei", "2018/01/e.md"),
    text(" and "),
    link("ZTE Win Deals", "2018/01/f.md"),
    text(")"),
  ]);
});

asides("the reading that links the most text wins over taking the longest headline first", () => {
  const index = indexHeadlines([
    story("Huawei, ZTE", "2018/01/g.md"),
    story("Huawei", "2018/01/e.md"),
    story("ZTE and Nokia Win Deals", "2018/01/h.md"),
  ]);
  // Longest first would link "Huawei, ZTE" and leave "Nokia Win Deals" unknown.
  assert.equal(linkSeeAsides({ line: 1, text: "(See Huawei, ZTE and Nokia Win Deals.)" }, index), {
    pieces: [text("(See "), link("Huawei", "2018/01/e.md"), text(", "), link("ZTE and Nokia Win Deals", "2018/01/h.md"), text(".)")],
    unmatched: [],
  });
});

asides("text no headline covers stays whole, is reported once with its line, and known headlines beside it are linked", () => {
  const linked = linkSeeAsides(
    { line: 7, text: "(See Nokia Wins, Ericsson Loses and Huawei, ZTE and No 5G Deal: Huawei Misses Out at SKT.)" },
    archive,
  );
  assert.equal(linked.pieces, [
    text("(See Nokia Wins, Ericsson Loses and "),
    link("Huawei, ZTE", "2018/01/g.md"),
    text(" and "),
    link("No 5G Deal: Huawei Misses Out at SKT", "2018/09/b.md"),
    text(".)"),
  ]);
  assert.equal(linked.unmatched, [{ line: 7, text: "Nokia Wins, Ericsson Loses" }]);
});

asides("an aside naming no known headline is left as written and reported", () => {
  const linked = linkSeeAsides({ line: 2, text: "Old news. (See Something We Never Ran.)" }, archive);
  assert.equal(linked.pieces, [text("Old news. (See Something We Never Ran.)")]);
  assert.equal(linked.unmatched, [{ line: 2, text: "Something We Never Ran" }]);
});

asides("'(See below …)' and '(See above …)' point within the story: left alone, not reported", () => {
  for (const line of ["Ban. (See below for previous reporting.)", "Ban. (See above.)"]) {
    assert.equal(linkSeeAsides({ line: 4, text: line }, archive), { pieces: [text(line)], unmatched: [] });
  }
});

asides("a headline two stories share is not linked but reported with both files", () => {
  const twice = indexHeadlines([
    story("Week in Review", "2018/01/a.md"),
    story("Week in Review", "2018/02/b.md"),
    story("Huawei", "2018/01/e.md"),
  ]);
  const linked = linkSeeAsides({ line: 3, text: "(See Week in Review and Huawei.)" }, twice);
  assert.equal(linked.pieces, [text("(See Week in Review and "), link("Huawei", "2018/01/e.md"), text(".)")]);
  assert.equal(linked.unmatched, [{ line: 3, text: "Week in Review", candidates: ["2018/01/a.md", "2018/02/b.md"] }]);
});

asides("several asides in one paragraph, '(See also …)' and text without asides are handled", () => {
  const linked = linkSeeAsides({ line: 1, text: "A (See Huawei.) B (See also Huawei, ZTE) C" }, archive);
  assert.equal(linked.pieces, [
    text("A (See "),
    link("Huawei", "2018/01/e.md"),
    text(".) B (See also "),
    link("Huawei, ZTE", "2018/01/g.md"),
    text(") C"),
  ]);
  assert.equal(linkSeeAsides({ line: 1, text: "No asides (here)." }, archive).pieces, [text("No asides (here).")]);
});

asides.run();

const list = suite("linkSeeListItem links a list item that is a whole known headline");

list("a known headline is linked, an unknown one left as written and reported", () => {
  assert.equal(linkSeeListItem({ line: 9, text: "No 5G Deal: Huawei Misses Out at SKT" }, archive), {
    pieces: [link("No 5G Deal: Huawei Misses Out at SKT", "2018/09/b.md")],
    unmatched: [],
  });
  assert.equal(linkSeeListItem({ line: 10, text: "Huawei and Nokia" }, archive), {
    pieces: [text("Huawei and Nokia")],
    unmatched: [{ line: 10, text: "Huawei and Nokia" }],
  });
});

list("a closing period stays outside the link", () => {
  assert.equal(linkSeeListItem({ line: 1, text: "Huawei." }, archive).pieces, [link("Huawei", "2018/01/e.md"), text(".")]);
});

list("only a paragraph ending in 'see:' introduces such a list", () => {
  assert.ok(introducesSeeList("For more on the Chinese vendors and the US, see:"));
  assert.not.ok(introducesSeeList("See: the list"));
  assert.not.ok(introducesSeeList("The oversee:"));
});

list.run();
