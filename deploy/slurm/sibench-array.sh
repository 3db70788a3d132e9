#!/usr/bin/env bash
# A run's toy grid spread over a Slurm job array, then merged. Submit from the repository root after
# `mvn -q package -DskipTests` (the launcher benchmark/target/sibench must exist on a shared file system):
#
#   jobs=4
#   id=$(sbatch --parsable --array=0-$((jobs - 1)) deploy/slurm/sibench-array.sh "${jobs}" --profile quick)
#   sbatch --dependency=afterok:${id} deploy/slurm/sibench-array.sh merge "${jobs}" --profile quick
#
# Each array task runs shard ${SLURM_ARRAY_TASK_ID} of N into runs/<profile>/shard-<i>-of-<N> (the
# launcher reads the index from SLURM_ARRAY_TASK_ID); the merge job combines them into runs/<profile>
# and finishes the run there (rankings, image stage when configured, report). Pass the same profile
# and options to both. Finished cells are kept, so a re-submitted task resumes where it stopped.
#SBATCH --job-name=sibench
#SBATCH --cpus-per-task=2
#SBATCH --mem=16G
#SBATCH --time=04:00:00
#SBATCH --output=sibench-%A_%a.log
set -euo pipefail
launcher="${SIBENCH:-benchmark/target/sibench}"

if [[ "${1:-}" == "merge" ]]; then
  shift
  jobs="$1"
  shift
  # the folder a run of these options writes to: resolve it once with --dry-run
  out=$("${launcher}" run --dry-run "$@" | sed -n 's/^ *"output" *: *"\(.*\)",*$/\1/p' | head -1)
  shards=()
  for ((i = 0; i < jobs; i++)); do
    shards+=("${out}/shard-${i}-of-${jobs}")
  done
  exec "${launcher}" merge "${out}" "${shards[@]}"
fi

jobs="$1"
shift
: "${SLURM_ARRAY_TASK_ID:?run this as an array task: sbatch --array=0-$((jobs - 1)) $0 ${jobs} ...}"
exec "${launcher}" run --shard "${jobs}" "$@"
