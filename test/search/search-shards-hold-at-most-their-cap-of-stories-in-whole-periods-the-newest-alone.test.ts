import { suite } from "uvu";
import * as assert from "uvu/assert";
import { planSearchShards, shardOfDay, type StoriesOfDay } from "../../src/search/searchShards.ts";
import { planSiteParts } from "../../src/build/siteParts.ts";

/** `count` stories on each of the first `days` days of every month of `year`. */
const everyMonthOf = (year: number, days: number, count = 1, months = 12): StoriesOfDay[] =>
  Array.from({ length: months }, (_, month) =>
    Array.from({ length: days }, (_, day) => ({ year, month: month + 1, day: day + 1, count })),
  ).flat();
const oneDayOf = (year: number, count: number, month = 6, day = 1): StoriesOfDay => ({ year, month, day, count });
const shapes = (days: StoriesOfDay[], cap: number) => planSearchShards(days, cap).map((shard) => `${shard.name}:${shard.stories}`);

const planning = suite("planSearchShards");

planning("groups small years oldest first up to the cap, the newest year alone", () => {
  const days = [2018, 2019, 2020, 2021, 2022, 2023].map((year) => oneDayOf(year, 300));
  assert.equal(shapes(days, 1000), ["2023:300", "2021-2022:600", "2018-2020:900"]);
});

planning("a newest year above the cap is split into runs of months, its newest month alone", () => {
  const days = [oneDayOf(2020, 50), ...everyMonthOf(2021, 10, 10)];
  assert.equal(shapes(days, 300), [
    "2021-12:100",
    "2021-10-2021-11:200",
    "2021-07-2021-09:300",
    "2021-04-2021-06:300",
    "2021-01-2021-03:300",
    "2020:50",
  ]);
});

planning("an older year above the cap is split into runs of months, and the years around it are grouped apart", () => {
  const days = [oneDayOf(2018, 10), ...everyMonthOf(2019, 1, 100), oneDayOf(2020, 10), oneDayOf(2021, 10), oneDayOf(2022, 5)];
  assert.equal(shapes(days, 500), [
    "2022:5",
    "2020-2021:20",
    "2019-11-2019-12:200",
    "2019-06-2019-10:500",
    "2019-01-2019-05:500",
    "2018:10",
  ]);
});

planning("a month above the cap is split into runs of days, and a day above it stays whole", () => {
  const days = [
    ...Array.from({ length: 10 }, (_, day) => ({ year: 2024, month: 3, day: day + 1, count: 40 })),
    { year: 2024, month: 3, day: 20, count: 500 },
    { year: 2024, month: 3, day: 21, count: 5 },
    { year: 2024, month: 4, day: 2, count: 7 },
  ];
  assert.equal(shapes(days, 100), [
    "2024-04:7",
    "2024-03-21:5",
    "2024-03-20:500",
    "2024-03-09-2024-03-10:80",
    "2024-03-07-2024-03-08:80",
    "2024-03-05-2024-03-06:80",
    "2024-03-03-2024-03-04:80",
    "2024-03-01-2024-03-02:80",
  ]);
});

planning("the shards of the past stay the same as stories are added to the newest year and a new year begins", () => {
  const past = [2015, 2016, 2017, 2018, 2019, 2020].map((year) => oneDayOf(year, 300));
  const before = shapes([...past, oneDayOf(2021, 100)], 1000);
  const later = shapes([...past, oneDayOf(2021, 400), oneDayOf(2022, 3)], 1000);
  assert.equal(before, ["2021:100", "2018-2020:900", "2015-2017:900"]);
  assert.equal(later, ["2022:3", "2021:400", "2018-2020:900", "2015-2017:900"]);
});

planning("depends only on the stories per day, not on their order", () => {
  const days = [...everyMonthOf(2021, 3, 20), ...everyMonthOf(2020, 2, 5)];
  assert.equal(planSearchShards([...days].reverse(), 200), planSearchShards(days, 200));
});

planning("each story's day is in exactly one shard, found by shardOfDay", () => {
  const days = [...everyMonthOf(2019, 28, 3), ...everyMonthOf(2020, 28, 2), oneDayOf(2021, 1)];
  const shards = planSearchShards(days, 150);
  const shardOf = shardOfDay(shards);
  for (const { year, month, day } of days) {
    const holding = shards.filter((shard) => {
      const number = year * 10_000 + month * 100 + day;
      return shard.from <= number && number <= shard.to;
    });
    assert.is(holding.length, 1, `${year}-${month}-${day}`);
    assert.is(shards[shardOf(year, month, day)], holding[0]);
  }
  assert.is(
    shards.reduce((sum, shard) => sum + shard.stories, 0),
    days.reduce((sum, day) => sum + day.count, 0),
  );
  for (const shard of shards) assert.ok(shard.stories <= 150, `${shard.name} holds ${shard.stories}`);
  for (const shard of shards) assert.match(shard.name, /^\d{4}(-\d\d){0,2}(-\d{4}(-\d\d){0,2})?$/);
});

planning.run();

const parts = suite("planSiteParts");

parts("groups shards into runs of whole years of at most the cap, the newest year alone", () => {
  const days = [...[2015, 2016, 2017, 2018, 2019].map((year) => oneDayOf(year, 300)), ...everyMonthOf(2020, 1, 100), oneDayOf(2021, 50)];
  const shards = planSearchShards(days, 400);
  assert.equal(
    planSiteParts(shards, 1500).map((part) => ({ name: part.name, shards: part.shards })),
    [
      { name: "2021", shards: ["2021"] },
      { name: "2019-2020", shards: ["2020-09-2020-12", "2020-05-2020-08", "2020-01-2020-04", "2019"] },
      { name: "2015-2018", shards: ["2018", "2017", "2016", "2015"] },
    ],
  );
});

parts("a year of more stories than a part holds is a part of its own, never split", () => {
  const shards = planSearchShards([oneDayOf(2019, 10), ...everyMonthOf(2020, 1, 1000), oneDayOf(2021, 10)], 1000);
  assert.equal(
    planSiteParts(shards, 5000).map((part) => part.name),
    ["2021", "2020", "2019"],
  );
});

parts.run();
