/**
 * Defaults of the scenario input format, each with its source: the mechanism (M1–M13,
 * docs/model.md) and its range in docs/evidence.md, E-numbers of docs/evidence.md, or GUESS (an
 * estimate, not a measurement: easy to change, and flagged as such in docs/scenario-format.md).
 * They are written in the input format and go through the same validation as user input.
 *
 * @packageDocumentation
 */
import type { CitizensInput, MechanismsInput } from "./schema.js";
import type { InternalClockSpec } from "./types.js";

/**
 * Default citizen behaviour.
 *
 * @example
 * ```ts
 * CITIZEN_DEFAULTS.chaseRate; //=> "0.5 / week"
 * ```
 */
export const CITIZEN_DEFAULTS: Readonly<Required<CitizensInput>> = Object.freeze({
  // M11: patience mean 1–4 min (GUESS; brief 2–3 min); about 70% of abandonments within 2 min
  // in one vendor dataset (E37). cv 1 = exponential-like. GUESS.
  phonePatience: { mean: "2.5 min", cv: 1 },
  // GUESS: a visitor at a busy desk waits longer than a caller, but not all day.
  visitPatience: { mean: "30 min", cv: 0.5 },
  // M11: written contacts wait as long as it takes (the model before channel rules); no GUESS.
  emailPatience: null,
  // M11: as emailPatience.
  eformPatience: null,
  // M11: p_redial 0.5–0.8. GUESS.
  redialProbability: 0.65,
  // GUESS: callers who hung up try again later the same day.
  redialDelay: { mean: "30 min", cv: 1 },
  // M11: p_give_up per failed attempt 0.02–0.10 (higher for vulnerable groups). GUESS.
  giveUpProbability: 0.05,
  // M9: h = 0.3–1.0 per week after the expectation E. GUESS.
  chaseRate: "0.5 / week",
  // M3: p_return 0.6–0.9. GUESS.
  returnProbability: 0.75,
  // GUESS: an unresolved caller tries again within a few days.
  returnDelay: { mean: "2 days", cv: 1 },
  // M7: West Lindsey allows 10 days to supply missing information (E19); mean ~10 days per the
  // issue; cv GUESS.
  responseDelay: { mean: "10 days", cv: 0.5 },
  // M7: unclear letters are a standard avoidable-contact example (NI14, E16). Probability GUESS.
  letterUnclearProbability: 0.3,
  // M10: a defect left at closing is usually noticed by the citizen. GUESS.
  noticeDefectProbability: 0.7,
  // M10: reopen window of 30 days (docs/evidence.md, metric definitions, item 7); delay GUESS.
  noticeDelay: { mean: "1 week", cv: 1 },
  // Phase 1: minutes searching when information is good. GUESS.
  searchTime: "10 min",
  // Phase 3: formal complaints are rare. GUESS.
  complaintPropensity: 0.02,
});

/**
 * Default mechanism strengths.
 *
 * @example
 * ```ts
 * MECHANISM_DEFAULTS.misrouteProbability; //=> 0.1
 * ```
 */
export const MECHANISM_DEFAULTS: Readonly<Required<MechanismsInput>> = Object.freeze({
  // M4: p_info_loss 0.05–0.3 (GUESS; the folk "50% per hand-off" of E44 is unreliable).
  handoffInfoLoss: 0.15,
  // M4: p_misroute 0.05–0.15 (GUESS); failure + "not for here" above 40% of calls at one bank (E8).
  misrouteProbability: 0.1,
  // GUESS: reading, deciding "not for here" and sending back.
  misrouteWork: "5 min",
  // GUESS: a call or letter to the citizen and updating the case.
  clarificationWork: { mean: "10 min", cv: 0.5 },
  // M4, M7: GUESS; the citizen answers a call-back or message within a few days.
  clarificationDelay: { mean: "2 days", cv: 1 },
  // M8, M10: redoing a step after a defect takes about half the original work. GUESS.
  reworkShare: 0.5,
  // What part-optimising buys: practice makes specialists faster at their own step, so a case
  // owner doing another team's step takes longer (learning curves; GUESS 15%).
  generalistPenalty: 0.15,
  // What batching buys: similar work done together shares its set-up (M6; GUESS 10%).
  batchSetupSaving: 0.1,
  // GUESS: look up the case and answer the front's note.
  chaseNoteWork: "5 min",
  // F1 (docs/evidence.md, service flows): "someone will call you"; GUESS two working days.
  callbackExpectation: "2 days",
  // GUESS-free on purpose: no source shows that pulled expertise needs less of the specialist's
  // work than a hand-off does, so a consult is the full work (1); lower it only with evidence.
  consultShare: 1,
  // M7, E21 (Fenland: front staff help complete forms). Minutes GUESS.
  completenessHelpWork: "10 min",
  // M7, E21. GUESS.
  completenessHelpSuccess: 0.8,
  // M8: lost information makes the work fail more often. GUESS.
  infoLossFailure: 0.2,
  // M10: symptom-only closures reopen 12–15% (E42, vendor, low reliability); regime A 0.10–0.15. GUESS.
  prematureClosure: 0.12,
  // M10: regime B reopen 0.03–0.05 vs A 0.10–0.15 suggests most defects are caught. GUESS.
  confirmationCatch: 0.7,
  // GUESS: a short call to confirm the need is met.
  confirmationWork: "3 min",
  // E32 (status events remove progress chasing); weekly updates GUESS.
  updateInterval: "1 week",
  // GUESS: an automated or short personal update.
  updateWork: "2 min",
  // GUESS: the first update halfway to the citizen's expectation, before they start to wonder.
  firstUpdate: 0.5,
  // E32; GUESS: updates remove most but not all chasing.
  proactiveChaseFactor: 0.2,
  // GUESS: registering, investigating and answering a formal complaint.
  complaintWork: "1 hour",
  // M3: "the contact ends or is transferred unresolved" with p_cut; some cut contacts still
  // give the citizen enough. GUESS.
  cutUnresolvedProbability: 0.7,
  // M3: a scripted line often logs what it could not finish and passes it on. GUESS.
  cutPassOnProbability: 0.5,
  // M2: the scripted repertoire (the minutes preset's skillCoverage 0.3); beyond it answers get
  // less reliable. GUESS.
  basicRepertoire: 0.3,
  // M2: wrong or incomplete answers at the rare end of a broad repertoire; the straight-line rise
  // from the basic repertoire's edge is an assumption. GUESS.
  wrongAnswerProbability: 0.2,
  // M2: diagnosing among more types takes longer; the straight-line rise with breadth is an
  // assumption. GUESS 15% at full breadth.
  breadthContactTime: 0.15,
  // GUESS: about a working week a year to keep a broad repertoire current.
  trainingTime: "40 hours",
  // GUESS: a short call or note to pass the specialist's answer on.
  consultRelayWork: "5 min",
  // M4: below handoffInfoLoss (the owner keeps the need and can ask again). GUESS.
  consultRelayLoss: 0.1,
  // GUESS: the end-to-end measure's own temptation, as strong as prematureClosure's but only for
  // cases already late.
  measureGaming: 0.12,
  // Pay by role relative to costPerStaffHour (a case worker = 1), from the ordering of Swedish
  // municipal pay (guide < case officer < specialist). GUESS: a scripted line's guide.
  payScripted: 0.85,
  // GUESS: a municipal guide who resolves most questions is paid like a case officer.
  payGeneralist: 1,
  // GUESS: the reference rate (costPerStaffHour).
  payCaseWork: 1,
  // GUESS: engineers, inspectors and social-work specialists.
  paySpecialist: 1.2,
  // GUESS: field crews and care staff.
  payField: 0.95,
  // GUESS: a committee hour counts several members and officials per seat of work.
  payMeeting: 2,
  // GUESS: about 12 days of short sickness a year (4 spells of 3 days).
  sicknessSpells: "4 / year",
  // GUESS: mostly short spells, a few long ones (cv 1.5).
  sicknessLength: { mean: "3 days", cv: 1.5 },
  // GUESS: four consecutive summer weeks each, as is usual in Sweden, about half of them covered
  // by summer substitutes: two weeks a person that nobody covers.
  holidayWeeks: 2,
  // GUESS: a colleague takes over when the owner is away more than a few days.
  coverAfter: "3 days",
  // GUESS: reading the file and the notes before working on someone else's case.
  readInWork: { mean: "30 min", cv: 0.5 },
});

/**
 * Default arrival profile (an office-week shape; GUESS). Each part is normalised to mean 1
 * when a scenario is read.
 *
 * @example
 * ```ts
 * PROFILE_DEFAULTS.byDay.length; //=> 7
 * ```
 */
export const PROFILE_DEFAULTS: Readonly<{ byDay: readonly number[]; byHour: readonly number[]; byMonth: readonly number[] }> =
  Object.freeze({
    // Monday peak (F1 in docs/evidence.md: peaks on Monday mornings); little at weekends (e-forms). GUESS.
    byDay: Object.freeze([1.3, 1.1, 1.0, 1.0, 0.9, 0.2, 0.15]),
    // Office hours, a morning peak and a lunch dip; some e-forms in the evening and night. GUESS.
    byHour: Object.freeze([
      0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.6, // 00–07
      1.8, 2.3, 2.2, 2.0, 1.4, 1.9, 1.8, 1.5, // 08–15
      1.0, 0.7, 0.6, 0.5, 0.5, 0.4, 0.3, 0.2, // 16–23
    ]),
    // January peak (school choice, fee notices; F1), July holiday dip, quiet December. GUESS.
    byMonth: Object.freeze([1.2, 1.05, 1.0, 1.0, 1.0, 0.95, 0.7, 0.9, 1.05, 1.05, 1.05, 1.05]),
  });

/**
 * Default run lengths: horizon, warm-up and drain.
 *
 * @example
 * ```ts
 * RUN_DEFAULTS.horizon; //=> "52 weeks"
 * ```
 */
export const RUN_DEFAULTS: Readonly<{ horizon: string; warmup: string; drain: string; currency: string }> = Object.freeze({
  horizon: "52 weeks",
  // GUESS: long enough for the slowest case flows (weeks) to fill their queues.
  warmup: "8 weeks",
  // GUESS: long enough for slow cases that arrived before the horizon to finish.
  drain: "26 weeks",
  currency: "SEK",
});

/**
 * Defaults of the optional service and step fields.
 *
 * @example
 * ```ts
 * SERVICE_DEFAULTS.typeConcentration; //=> 1
 * ```
 */
export const SERVICE_DEFAULTS: Readonly<{
  typeConcentration: number;
  specialistShare: number;
  selfServiceShare: number;
  failureProbability: number;
}> = Object.freeze({
  // M1: a few types carry most of the volume; Zipf exponent 1 (the top type of 10 has about
  // a third of the volume). GUESS.
  typeConcentration: 1,
  specialistShare: 0,
  selfServiceShare: 0,
  failureProbability: 0,
});

/**
 * The internal clock of a service that does not set one: from the complete application to the
 * first closing, running through waits for the citizen, with no target. This is the clock of
 * `internalProcessingDays` (a convention, not a GUESS about any one service: the Swedish
 * handläggningstid of a permit runs from the complete application, E27, E49).
 *
 * @example
 * ```ts
 * CLOCK_DEFAULTS.startsAt; //=> "completeApplication"
 * ```
 */
export const CLOCK_DEFAULTS: InternalClockSpec = Object.freeze({
  startsAt: "completeApplication",
  pausesForCitizen: false,
  targetMinutes: null,
});
