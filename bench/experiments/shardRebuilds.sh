#!/bin/sh
# Experiment (issues 23, 24): in the checkout REPO, a clean build of a copy of ARTICLES, then
# rebuilds after adding a story and after adding a paragraph to an old story, each with its
# wall and CPU seconds and phase timings, in WORK.
#   sh bench/experiments/shardRebuilds.sh REPO ARTICLES WORK
set -e
repo=$1; src=$2; w=$3
rm -rf "$w"; mkdir -p "$w"; cp -r "$src" "$w/articles"
build() {
  /usr/bin/time -f "$1: wall %e s, cpu %U+%S s, max %M KB" node --max-old-space-size=6144 "$repo/src/cli/run.mjs" build \
    --input "$w/articles" --output "$w/site" --cache-dir "$w/cache" --timings "$w/t-$1.json" > "$w/out-$1.txt" 2>"$w/err-$1.txt" || { cat "$w/err-$1.txt"; exit 1; }
  tail -1 "$w/err-$1.txt"; echo "  $(tr -d '\n ' < "$w/t-$1.json")"
}
build clean
mkdir -p "$w/articles/2025/12"
printf -- '---\ntitle: "Bench Added Story About Network Security"\ndate: 2025-12-31\nbyline:\n  - name: Bench Reporter\n    role: Staff Writer\npublication: Metro Wire\ntopics: [Security, Bench]\n---\n\nA story added by the bench to time a rebuild. The government said the network security review would finish next year.\n' > "$w/articles/2025/12/bench-added-story-about-network-security.md"
build added
old=$(find "$w/articles/2001" -name '*.md' | sort | head -1)
printf '\nThe council published the full figures on Monday, round 1.\n' >> "$old"
build paragraph
old=$(find "$w/articles/2003" -name '*.md' | sort | sed -n 5p)
printf '\nThe council published the full figures on Monday, round 2.\n' >> "$old"
build paragraph2
