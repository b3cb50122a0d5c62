import * as pagefind from "pagefind";
import { readFileSync, readdirSync, statSync } from "node:fs";
const pages = JSON.parse(readFileSync("/tmp/pf/pages.json", "utf8"));
for (const variant of ["nosort-nofilter", "sort-only"]) {
  const { index } = await pagefind.createIndex({ forceLanguage: "en" });
  for (let i = 0; i < pages.length; i += 64)
    await Promise.all(
      pages.slice(i, i + 64).map((p: any) =>
        index!.addCustomRecord({
          url: p.url,
          language: "en",
          content: p.record.content,
          meta: p.record.meta,
          ...(variant === "sort-only" ? { sort: p.record.sort } : {}),
        }),
      ),
    );
  const out = `/tmp/pf/meta-${variant}`;
  await index!.writeFiles({ outputPath: out });
  const meta = readdirSync(out).find((f) => f.endsWith(".pf_meta"))!;
  console.log(variant, statSync(`${out}/${meta}`).size);
  await index!.deleteIndex();
}
await pagefind.close();
