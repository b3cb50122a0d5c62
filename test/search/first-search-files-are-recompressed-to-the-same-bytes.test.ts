import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compressFirstSearchFiles } from "../../src/search/compressFirstSearchFiles.ts";
import { temporaryFolder } from "../support/builtSite.ts";

const test = suite("search: the files every first search downloads are recompressed, not changed");

/** The metadata and WebAssembly of a bundle, as Pagefind would read them after inflating. */
function searchFiles(bundle: string): Map<string, { size: number; inflated: Buffer }> {
  const files = new Map<string, { size: number; inflated: Buffer }>();
  for (const name of readdirSync(bundle).filter((entry) => entry.endsWith(".pf_meta") || entry === "wasm.en.pagefind")) {
    const file = path.join(bundle, name);
    files.set(name, { size: statSync(file).size, inflated: gunzipSync(readFileSync(file)) });
  }
  return files;
}

/** A bundle exactly as Pagefind writes it, for a few stories. */
async function pagefindBundle(): Promise<string> {
  const bundle = path.join(temporaryFolder(), "pagefind");
  const { index } = await pagefind.createIndex({ forceLanguage: "en" });
  for (const [number, headline] of ["Huawei Faces Further Heat", "Pentagon Blocks Phone Sales", "Tariffs on China Tech"].entries()) {
    await index!.addCustomRecord({
      url: `/2018/0${number + 1}/01/story/`,
      content: `${headline}. The government said the review would finish next year.`,
      language: "en",
      meta: { title: headline },
      filters: { year: ["2018"] },
      sort: { date: `2018-0${number + 1}-01` },
    });
  }
  await index!.writeFiles({ outputPath: bundle });
  await index!.deleteIndex();
  return bundle;
}

test("metadata and WebAssembly inflate to exactly what they were, and none grows", async () => {
  const bundle = await pagefindBundle();
  const before = searchFiles(bundle);
  assert.ok(before.has("wasm.en.pagefind"), "the first shard's bundle holds the English WebAssembly");
  assert.ok([...before.keys()].some((name) => name.endsWith(".pf_meta")));

  await compressFirstSearchFiles(bundle, { withWebAssembly: true, smallestWorthCompressing: 0 });

  const after = searchFiles(bundle);
  assert.equal([...after.keys()], [...before.keys()]);
  for (const [name, { size, inflated }] of before) {
    assert.ok(after.get(name)!.inflated.equals(inflated), `${name} inflates to the same bytes`);
    assert.ok(after.get(name)!.size <= size, `${name} is no larger (${after.get(name)!.size} against ${size} bytes)`);
  }
});

test("the WebAssembly is compressed once per Pagefind version and taken from the memo afterwards", async () => {
  const memoDir = path.join(temporaryFolder(), "memo");
  const first = await pagefindBundle();
  const original = readFileSync(path.join(first, "wasm.en.pagefind"));
  await compressFirstSearchFiles(first, { withWebAssembly: true, memoDir });
  const compressed = readFileSync(path.join(first, "wasm.en.pagefind"));
  assert.ok(compressed.length < original.length, `smaller: ${compressed.length} against ${original.length} bytes`);
  assert.is(readdirSync(memoDir).filter((name) => !name.endsWith(".sha256.json")).length, 1, "one memo, beside its seal");

  const second = await pagefindBundle();
  await compressFirstSearchFiles(second, { withWebAssembly: true, memoDir });
  assert.ok(readFileSync(path.join(second, "wasm.en.pagefind")).equals(compressed));
  assert.is(readdirSync(memoDir).filter((name) => !name.endsWith(".sha256.json")).length, 1, "one memo, beside its seal");
});

test("a merged shard's bundle keeps its WebAssembly as Pagefind wrote it (the reader loads the first shard's)", async () => {
  const bundle = await pagefindBundle();
  const original = readFileSync(path.join(bundle, "wasm.en.pagefind"));
  await compressFirstSearchFiles(bundle, { withWebAssembly: false });
  assert.ok(readFileSync(path.join(bundle, "wasm.en.pagefind")).equals(original));
});

test.after(async () => {
  await pagefind.close();
});

test.run();
