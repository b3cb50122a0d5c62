/**
 * `npm run addresses`: the one way an address leaves the archive's record of published addresses
 * (src/addresses/addressRecord.ts, issue 21), so that no address breaks by accident.
 *
 *   npm run addresses -- list [--articles DIR]
 *   npm run addresses -- forget FILE-OR-ADDRESS... [--articles DIR]   a story deleted (or unpublished) on purpose
 *   npm run addresses -- move OLD-FILE NEW-FILE [--articles DIR]      a story file moved while its address changed too
 *
 * Files are named as in the record: relative to the articles folder ("2019/06/story.md"); a path
 * starting with the articles folder ("articles/2019/06/story.md") is read the same.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { BuildError } from "../problems.ts";
import { writeFileWhole } from "../writeWhole.ts";
import {
  addressRecordFileOf,
  addressRecordText,
  forgetAddresses,
  moveAddresses,
  readAddressRecord,
  type AddressRecord,
} from "../addresses/addressRecord.ts";

const USAGE = `usage: npm run addresses -- list | forget FILE-OR-ADDRESS... | move OLD-FILE NEW-FILE [--articles DIR]

The record of every address the archive published (articles/addresses.json), which the build keeps.
  list     prints each address and the story file that answers it
  forget   takes a story file's addresses (or one address) out: for a story deleted on purpose;
           its old addresses then answer "not found"
  move     gives a story file's addresses to the file it was moved to`;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { articles: { type: "string", default: "articles" } } });
  } catch (error) {
    return fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...names] = positionals;
  const file = addressRecordFileOf(values.articles);
  const shown = path.relative(process.cwd(), file) || file;
  let record: AddressRecord;
  try {
    record = readAddressRecord(file);
  } catch (error) {
    if (error instanceof BuildError) return fail(error.message);
    throw error;
  }
  // A file named as the editor sees it (articles/2019/06/x.md) or as the record writes it (2019/06/x.md).
  const sourcePathOf = (name: string) =>
    (path.resolve(name).startsWith(path.resolve(values.articles) + path.sep) ? path.relative(values.articles, name) : path.normalize(name))
      .split(path.sep)
      .join("/");
  if (command === "list" && names.length === 0) {
    for (const [address, sourcePath] of [...record].sort(([a], [b]) => (a < b ? -1 : 1))) console.log(`${address} ${sourcePath}`);
    return 0;
  }
  if (command === "forget" && names.length > 0) {
    for (const name of names) {
      const key = name.startsWith("/") ? name : sourcePathOf(name);
      const forgotten = forgetAddresses(record, key);
      if (forgotten.length === 0) return fail(`${shown} has no address ${name.startsWith("/") ? name : `of ${key}`}: nothing was changed`);
      for (const address of forgotten) console.log(`forgot ${address} (${key}): it will no longer answer`);
    }
    writeFileWhole(file, addressRecordText(record));
    return 0;
  }
  if (command === "move" && names.length === 2) {
    const [from, to] = names.map(sourcePathOf);
    if (!existsSync(path.join(values.articles, to))) return fail(`there is no story file ${path.join(values.articles, to)} to move to`);
    const moved = moveAddresses(record, from, to);
    if (moved.length === 0) return fail(`${shown} has no address of ${from}: nothing was changed`);
    for (const address of moved) console.log(`${address} now answers with ${to}`);
    writeFileWhole(file, addressRecordText(record));
    return 0;
  }
  return fail(command === undefined ? "name a command" : `cannot ${[command, ...names].join(" ")}`);
}

function fail(problem: string): number {
  console.error(`error: ${problem}\n\n${USAGE}`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
