/**
 * helhet — the browser-safe core. Everything exported here runs in a browser or notebook:
 * no `node:` imports anywhere below this file. Explicit named exports, grouped by layer;
 * `test/publicApi.test.ts` keeps the list under review.
 *
 * @packageDocumentation
 */

// engine
export {
  EventCalendar,
  MINUTES_PER_DAY,
  MINUTES_PER_WEEK,
  Simulation,
  Team,
  TeamStatistics,
  WaitingLine,
  WeeklyCalendar,
} from "./engine/index.js";
export type {
  ClosingRule,
  Discipline,
  EventHandler,
  EventId,
  RunOptions,
  RunReport,
  StopReason,
  TeamHooks,
  TeamOptions,
  TeamStats,
  WeekInterval,
} from "./engine/index.js";

// stats
export {
  TimeWeighted,
  Welford,
  independentDifference,
  meanInterval,
  mser5,
  pairedDifference,
  summariseQuantiles,
  summariseSortedQuantiles,
  tCdf,
  tQuantile,
  xmrLimits,
} from "./stats/index.js";
export type {
  DifferenceInterval,
  MeanInterval,
  Mser5Result,
  NumberColumn,
  QuantileSummary,
  WelfordJSON,
  XmrLimits,
  XmrSignal,
} from "./stats/index.js";

// random
export {
  MEAN_CV_KINDS,
  bernoulli,
  chance,
  createStream,
  deterministic,
  empirical,
  exponential,
  gamma,
  gammaByMeanCv,
  hourlyRateProfile,
  lognormal,
  poissonArrivals,
  profiledArrivals,
  rateProfile,
  restoreStream,
  seasonalArrivals,
  streamState,
  triangular,
  uniform,
  withMeanCv,
} from "./random/index.js";
export type {
  ArrivalProcess,
  Bernoulli,
  Deterministic,
  Distribution,
  Empirical,
  Exponential,
  Gamma,
  GammaMeanCvOptions,
  GammaOptions,
  Lognormal,
  LognormalOptions,
  MeanCvDistribution,
  MeanCvKind,
  PoissonArrivals,
  ProfiledArrivals,
  RateProfile,
  RateProfileOptions,
  Rng,
  SeasonalArrivals,
  StreamState,
  Triangular,
  TriangularOptions,
  Uniform,
  UniformOptions,
} from "./random/index.js";

// analysis
export {
  erlangA,
  erlangC,
  jacksonNetwork,
  mm1,
  mmc,
  pollaczekKhinchine,
} from "./analysis/index.js";
export type {
  ErlangAMetrics,
  ErlangAOptions,
  JacksonNetworkOptions,
  JacksonNetworkResult,
  MmcOptions,
  PollaczekKhinchineOptions,
  QueueMetrics,
} from "./analysis/index.js";

// scenario
export {
  CHANNELS,
  CITIZEN_DEFAULTS,
  MECHANISM_DEFAULTS,
  PROFILE_DEFAULTS,
  RUN_DEFAULTS,
  SERVICE_DEFAULTS,
  ScenarioError,
  builtinScenarioInput,
  builtinScenarios,
  formatDuration,
  formatHours,
  formatRate,
  loadScenario,
  parseDuration,
  parseHours,
  parseRate,
  parseScenario,
  parseScenarioText,
  scenarioJsonSchema,
  scenarioToInput,
} from "./scenario/index.js";
export type {
  ArrivalProfile,
  Channel,
  CitizenSpec,
  CitizensInput,
  MechanismSpec,
  MechanismsInput,
  ProfileInput,
  ReadQuantityOptions,
  Scenario,
  ScenarioInput,
  ScenarioIssue,
  ScheduledRun,
  ServiceSpec,
  Spread,
  StepSpec,
  TeamRole,
  TeamSpec,
} from "./scenario/index.js";

// policy
export {
  minutesPolicy,
  parsePolicy,
  parsePolicyText,
  policies,
  validatePolicy,
  wholePolicy,
} from "./policy/index.js";
export type {
  BatchingChoice,
  FrontOfficeChoice,
  HandlingTimeChoice,
  Policy,
  PolicyInput,
} from "./policy/index.js";

// model
export {
  EXPRESSION_NAMES,
  Expression,
  NeedStatus,
  OUTCOME_NAMES,
  Outcome,
  REASON_NAMES,
  Reason,
  STATUS_NAMES,
  TASK_NAMES,
  Task,
  isFailureReason,
  planTeams,
  simulate,
} from "./model/index.js";
export type {
  ContactRecords,
  NeedRecords,
  ReasonCode,
  RunResult,
  SimulateOptions,
  TaskCode,
  TeamLayout,
  TeamPlan,
  TeamResult,
} from "./model/index.js";

// metrics
export {
  summarise,
} from "./metrics/index.js";
export type {
  DistributionSummary,
  RunSummary,
} from "./metrics/index.js";
