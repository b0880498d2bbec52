#!/bin/bash
# gazette batch as a Slurm job array: 16 shards, one array task each.
#
#   sbatch deploy/slurm-array.sh
#   # after it ends (or as a dependent job):
#   sbatch --dependency=afterany:<jobid> --wrap "gazette report /shared/gazette/out --input /shared/gazette/archive"
#
# Redo only the shards that did not finish (a node lost, a time limit):
#   sbatch --array=3,11 deploy/slurm-array.sh
# Each task resumes: the files its shard already converted are skipped.
#
#SBATCH --job-name=gazette-batch
#SBATCH --array=0-15
#SBATCH --cpus-per-task=4
#SBATCH --mem=10G
#SBATCH --time=08:00:00
#SBATCH --output=gazette-%A_%a.log
set -euo pipefail

# The shard count is fixed here, not read from SLURM_ARRAY_TASK_COUNT: a
# resubmission of some tasks (--array=3,11) has a smaller count, which would
# split the inputs differently.
SHARDS=16

srun gazette batch /shared/gazette/archive \
    --out /shared/gazette/out \
    --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" \
    --jobs "${SLURM_CPUS_PER_TASK}" \
    --max-memory 2G \
    --timeout 600 \
    --progress json
