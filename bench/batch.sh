#!/usr/bin/env bash
# Times `aufsicht assess batch` end to end on 100,000 deployment profiles (issue 2 target: under 2 s on 2 cores).
# Usage: bench/batch.sh [COUNT]   — needs hyperfine (apt-get install hyperfine); everything stays in a temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish src/Aufsicht -c Release -o "$work/aufsicht" -v q -nologo >/dev/null
dotnet run -c Release --project bench/Aufsicht.Bench -- generate "$work/deployments.jsonl" "$count"
echo "input: $(wc -l < "$work/deployments.jsonl") lines, $(du -h "$work/deployments.jsonl" | cut -f1)"
"$work/aufsicht/aufsicht" assess batch "$work/deployments.jsonl" --as-of 2026-11-27 > "$work/out.jsonl"
echo "output: $(wc -l < "$work/out.jsonl") lines, $(du -h "$work/out.jsonl" | cut -f1) (compact findings)"
hyperfine --warmup 1 --runs 10 --export-markdown "$work/batch.md" \
  -n "assess batch (compact)" "'$work/aufsicht/aufsicht' assess batch '$work/deployments.jsonl' --as-of 2026-11-27 > '$work/out.jsonl'" \
  -n "assess batch --explain" "'$work/aufsicht/aufsicht' assess batch '$work/deployments.jsonl' --as-of 2026-11-27 --explain > '$work/out-explain.jsonl'" \
  -n "assess batch (compact, to /dev/null)" "'$work/aufsicht/aufsicht' assess batch '$work/deployments.jsonl' --as-of 2026-11-27 > /dev/null"
cat "$work/batch.md"
/usr/bin/time -f "peak resident memory of one compact run: %M KB" "$work/aufsicht/aufsicht" assess batch "$work/deployments.jsonl" --as-of 2026-11-27 > /dev/null
