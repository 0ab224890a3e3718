/**
 * helhet/node — the Node-only parts (file system, worker threads), plus the whole core.
 *
 * @packageDocumentation
 */
export * from "./index.js";
export { readScenarioFile, readPolicyFile } from "./node/files.js";
export { compareParallel } from "./node/parallel.js";
export { openWorkers } from "./node/pool.js";
export { sweepParallel } from "./node/sweepParallel.js";
export type { ParallelSweepOptions } from "./node/sweepParallel.js";
export type { WorkerPool } from "./node/pool.js";
export type { ParallelCompareOptions, ParallelPlan } from "./node/parallel.js";
export { touchpointsParallel } from "./node/touchpointsParallel.js";
export type { ParallelTouchpointsOptions } from "./node/touchpointsParallel.js";
export { runShard, mergeShards, ShardError, SHARD_FORMAT, SHARD_VERSION } from "./node/shard.js";
export { stringifyShard, parseShard, writeShardFile, readShardFile, readShardText } from "./node/shardFile.js";
export type { ShardSpec, ShardOptions, ShardSettings, ShardResult } from "./node/shard.js";
export { factorialParallel } from "./node/factorialParallel.js";
export type { ParallelFactorialOptions } from "./node/factorialParallel.js";
export { runFactorialShard, mergeFactorialShards, stringifyFactorialShard, parseFactorialShard, readFactorialShardFile, isFactorialShardJson, FACTORIAL_SHARD_FORMAT } from "./node/factorialShard.js";
export type { FactorialShard } from "./node/factorialShard.js";
export { sensitivityParallel, winnerMapParallel } from "./node/studyParallel.js";
export type { ParallelSensitivityOptions, ParallelWinnerMapOptions, StudyThreads } from "./node/studyParallel.js";
export { runSensitivityShard, runWinnerMapShard, mergeStudyShards, stringifyStudyShard, parseStudyShard, readStudyShardFile, isStudyShardJson, STUDY_SHARD_FORMAT } from "./node/studyShard.js";
export type { StudyShard, StudyFingerprint, MergedStudy } from "./node/studyShard.js";
