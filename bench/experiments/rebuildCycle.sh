#!/bin/sh
# Experiment: full build, add one story, rebuild, then a clean build of the same stories in
# another folder with another cache, and compare the two sites byte for byte.
#   sh bench/experiments/rebuildCycle.sh SOURCE_ARTICLES SHARD_STORIES
set -e
src=$1; export NEWS_ARCHIVE_SEARCH_SHARD_STORIES=${2:-10000}
w=/tmp/rebuild-cycle; rm -rf $w .cache; mkdir -p $w; cp -r $src $w/articles
measure() { node --import tsx bench/experiments/measure.ts node --import tsx src/cli/build.ts --input $w/articles --output "$@"; }
NEWS_ARCHIVE_TIMINGS=$w/t-full.json measure $w/site; echo "full: $(tr -d '\n ' < $w/t-full.json)"
mkdir -p $w/articles/2025/12
printf -- '---\ntitle: "Bench Added Story About Network Security"\ndate: 2025-12-31\nbyline:\n  - name: Bench Reporter\n    role: Staff Writer\npublication: Metro Wire\ntopics: [Security, Bench]\n---\n\nA story added by the bench to time a rebuild. The government said the network security review would finish next year.\n' > $w/articles/2025/12/bench-added-story-about-network-security.md
NEWS_ARCHIVE_TIMINGS=$w/t-re.json measure $w/site; echo "rebuild: $(tr -d '\n ' < $w/t-re.json)"
mv .cache $w/cache-keep
measure $w/clean; rm -rf .cache; mv $w/cache-keep .cache
if diff -rq $w/site $w/clean > $w/diff.txt; then echo "rebuild equals clean build"; else echo "DIFFERENT:"; head $w/diff.txt; fi
