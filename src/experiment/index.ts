/**
 * Experiments: replications, paired comparisons with intervals, sweeps.
 *
 * @packageDocumentation
 */
export { compare } from "./compare.js";
export { checkPolicies } from "./compare.js";
export { capacityWarnings } from "./compare.js";
export { checkExperimentCost } from "./compare.js";
export type { CompareOptions } from "./compare.js";
export { buildComparison } from "./comparison.js";
export type { Comparison } from "./comparison.js";
export type { ComparisonMeta } from "./comparison.js";
export type { MetricEstimate } from "./comparison.js";
export type { DifferenceEstimate } from "./comparison.js";
export type { CapabilitySummary } from "./comparison.js";
export type { ComparisonSeries } from "./comparison.js";
export type { SeriesEstimate } from "./comparison.js";
export { runReplication } from "./replication.js";
export { plainSeries } from "./replication.js";
export type { ReplicationSeries } from "./replication.js";
export type { ReplicationResult } from "./replication.js";
export type { ExperimentOptions } from "./replication.js";
export { metricTable } from "./metricTable.js";
export { metricRange, withinRange } from "./metricRange.js";
export type { MetricRange } from "./metricRange.js";
export type { MetricTable } from "./metricTable.js";
export { sweep, sweepPlan } from "./sweep.js";
export type { SweepSpec, SweepPlan } from "./sweep.js";
export type { SweepResult } from "./sweep.js";
export { setPath } from "./paths.js";
export { getPath } from "./paths.js";
export { factorial, factorialPlan, factorialPlanOf, buildFactorial } from "./factorial.js";
export type { FactorialOptions, FactorialPlan, FactorialStudy, FactorialOutcome, FactorialEffect, FactorialDesignReport } from "./factorial.js";
export { factorialFactors, cellPolicy, FACTOR_CHOICES } from "./factorialFactors.js";
export type { FactorialFactor } from "./factorialFactors.js";
export { twoLevelDesign, effectColumn, interactionChains, FULL_FACTORIAL_MAX, MAX_FACTORS } from "./factorialDesign.js";
export type { TwoLevelDesign, AliasChain, FactorPair } from "./factorialDesign.js";
export { sensitivity, checkTwoPolicies, sensitivityRun, assembleSensitivity, studyCompareOptions } from "./sensitivity.js";
export type { SensitivityOptions, SensitivityStudy, SensitivityRow, SignFlip, SensitivityPart, StudyPart } from "./sensitivity.js";
export { latinHypercube, spearman, jointSummary, partialRankCorrelations } from "./latinHypercube.js";
export type { JointPoint, JointOutcome, JointSensitivity } from "./latinHypercube.js";
export { runStudySteps } from "./studySteps.js";
export type { ComparisonRequest, StudySteps, StudyRun } from "./studySteps.js";
export { sensitivityKnobs, parameterKnob, guessLabels, ZeroValue } from "./sensitivityParameters.js";
export type { SensitivityParameter, SkippedParameter, ParameterKnob, ParameterKind } from "./sensitivityParameters.js";
export { HEADLINE_OUTCOMES, headlineDifferences, clearSign } from "./headlineDifferences.js";
export type { HeadlineDifference } from "./headlineDifferences.js";
export { winnerMap, winnerOf, winnerMapRun, assembleWinnerMap } from "./winnerMap.js";
export type { WinnerMap, WinnerMapAxis, WinnerMapCell, WinnerMapEntry, WinnerMapOptions, WinnerMapPart } from "./winnerMap.js";
