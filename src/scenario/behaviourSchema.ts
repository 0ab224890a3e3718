/**
 * Input schemas of citizen behaviour and mechanism strengths. In a scenario both are optional
 * and every field has a default (see `defaults.ts`); the full schemas here validate the
 * defaults themselves.
 *
 * @packageDocumentation
 */
import { z } from "zod";
import { duration, durationOrZero, expecting, nonNegative, rateOrZero, share, spread } from "./fields.js";

/**
 * How citizens behave (M3, M7, M9, M10, M11 and phase 3), every field required.
 *
 * @example
 * ```ts
 * citizensSchema.parse(CITIZEN_DEFAULTS).redialProbability; //=> 0.65
 * ```
 */
export const citizensSchema = expecting(
  z.strictObject({
    phonePatience: spread.describe("Time a caller waits in a phone queue before hanging up (M11)"),
    visitPatience: spread.describe("Time a visitor waits at a busy desk before leaving (M11)"),
    redialProbability: share.describe("Chance a caller who hung up calls again (M11)"),
    redialDelay: spread.describe("Time before a caller who hung up calls again"),
    giveUpProbability: share.describe("Chance to give up the whole need after a failed attempt (M11)"),
    chaseRate: rateOrZero.describe('Chasing contacts per time once a wait exceeds the expectation (M9 "h"), e.g. "0.5 / week"'),
    returnProbability: share.describe("Chance a citizen comes back after a contact that left the need unresolved (M3)"),
    returnDelay: spread.describe("Time before such a citizen comes back"),
    responseDelay: spread.describe("Time to send in missing information after a request (M7)"),
    letterUnclearProbability: share.describe('Chance a letter asking for missing information prompts a "what does this mean?" call (M7)'),
    noticeDefectProbability: share.describe("Chance a defect left at closing is noticed and reported (M10)"),
    noticeDelay: spread.describe("Time before a defect is noticed"),
    searchTime: durationOrZero.describe("Time spent searching for information before contact when the information is good (phase 1)"),
    complaintPropensity: nonNegative.describe("Phase 3: chance of a formal complaint per unit of bad experience"),
  }),
  "citizen behaviour { phonePatience, redialProbability, ... } (every field optional)",
);

/**
 * Strengths of the organisational mechanisms (M4, M7, M8, M9, M10), every field required.
 *
 * @example
 * ```ts
 * mechanismsSchema.parse(MECHANISM_DEFAULTS).handoffInfoLoss; //=> 0.15
 * ```
 */
export const mechanismsSchema = expecting(
  z.strictObject({
    handoffInfoLoss: share.describe("Chance a hand-off loses information, which triggers a clarification with the citizen (M4)"),
    misrouteProbability: share.describe("Chance a hand-off goes to the wrong place first and bounces back (M4)"),
    misrouteWork: durationOrZero.describe("Staff time spent at the wrong place before a misrouted case bounces back"),
    clarificationWork: spread.describe("Staff time for a clarification with the citizen"),
    clarificationDelay: spread.describe("Time for the citizen to answer a clarification call or message (M4, M7 at first contact)"),
    reworkShare: share.describe("Share of a step's work needed to redo it after a defect (M8, M10)"),
    generalistPenalty: share.describe("Extra share of work when a case owner does a step that a specialised team used to do"),
    batchSetupSaving: share.describe("Share of work saved when a step's work is done in a batch sweep (set-up shared, M6)"),
    chaseNoteWork: durationOrZero.describe("Back-office time to answer a chase passed on from the front"),
    callbackExpectation: duration.describe("How soon a citizen expects a promised call-back"),
    consultShare: share.describe("Share of back-office or specialist work done as a consult when expertise is pulled"),
    completenessHelpWork: durationOrZero.describe("Extra front time to help complete an application at the first contact (M7)"),
    completenessHelpSuccess: share.describe("Chance that help at the first contact makes an incomplete application complete"),
    infoLossFailure: share.describe("Extra chance that work fails when information was lost upstream (M8)"),
    prematureClosure: share.describe("Chance of closing a case before the need is met when staff are held to cases closed (M10)"),
    confirmationCatch: share.describe("When the citizen confirms closure: chance a remaining defect is caught before closing"),
    confirmationWork: durationOrZero.describe("Staff time for a confirmation contact"),
    updateInterval: duration.describe("Proactive progress information: time between updates"),
    updateWork: durationOrZero.describe("Proactive progress information: staff time per update"),
    proactiveChaseFactor: nonNegative.describe("Proactive progress information: multiplier of the chasing rate"),
    complaintWork: durationOrZero.describe("Back-office time to handle a formal complaint"),
  }),
  "mechanism strengths { handoffInfoLoss, misrouteProbability, ... } (every field optional)",
);
