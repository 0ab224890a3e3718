/**
 * Input schemas of citizen behaviour and mechanism strengths. In a scenario both are optional
 * and every field has a default (see `defaults.ts`); the full schemas here validate the
 * defaults themselves.
 *
 * @packageDocumentation
 */
import { z } from "zod";
import { duration, durationOrZero, expecting, multiple, nonNegative, perYearLimit, rateOrZero, share } from "./fields.js";
import { spread, spreadOf } from "./spreadFields.js";

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
    phonePatience: spread.describe("Time a caller waits in a phone queue before hanging up (M11; GUESS; range 1 min to 4 min)"),
    visitPatience: spread.describe("Time a visitor waits at a busy desk before leaving (M11; GUESS)"),
    emailPatience: spread.nullable().describe("Time an e-mail waits for an answer before the citizen gives up on it (null, the default: as long as it takes)"),
    eformPatience: spread.nullable().describe("Time an e-form enquiry waits for an answer before the citizen gives up on it (null, the default: as long as it takes)"),
    redialProbability: share.describe("Chance a caller who hung up calls again (M11; GUESS; range 0.5 to 0.8)"),
    redialDelay: spread.describe("Time before a caller who hung up calls again (GUESS)"),
    giveUpProbability: share.describe("Chance to give up the whole need after a failed attempt (M11; GUESS; range 0.02 to 0.1)"),
    chaseRate: rateOrZero.describe('Chasing contacts per time once a wait exceeds the expectation (M9 "h"), e.g. "0.5 / week" (GUESS; range 0.3 / week to 1 / week)'),
    returnProbability: share.describe("Chance a citizen comes back after a contact that left the need unresolved (M3; GUESS; range 0.6 to 0.9)"),
    returnDelay: spread.describe("Time before such a citizen comes back (GUESS)"),
    responseDelay: spread.describe("Time to send in missing information after a request (M7)"),
    letterUnclearProbability: share.describe('Chance a letter asking for missing information prompts a "what does this mean?" call (M7; GUESS)'),
    noticeDefectProbability: share.describe("Chance a defect left at closing is noticed and reported (M10; GUESS)"),
    noticeDelay: spread.describe("Time before a defect is noticed (GUESS)"),
    searchTime: durationOrZero.describe("Time spent searching for information before contact when the information is good (phase 1; GUESS)"),
    complaintPropensity: nonNegative.describe("Phase 3: chance of a formal complaint per unit of bad experience (GUESS)"),
  }),
  "citizen behaviour { phonePatience, redialProbability, ... } (every field optional)",
);

/**
 * Strengths of the organisational mechanisms (M3, M4, M7, M8, M9, M10, the whole design's own
 * failure modes and costs, and pay by role), every field required.
 *
 * @example
 * ```ts
 * mechanismsSchema.parse(MECHANISM_DEFAULTS).handoffInfoLoss; //=> 0.15
 * ```
 */
export const mechanismsSchema = expecting(
  z.strictObject({
    handoffInfoLoss: share.describe("Chance a hand-off loses information, which triggers a clarification with the citizen (M4; GUESS; range 0.05 to 0.3)"),
    misrouteProbability: share.describe("Chance a hand-off goes to the wrong place first and bounces back (M4; GUESS; range 0.05 to 0.15)"),
    misrouteWork: durationOrZero.describe("Staff time spent at the wrong place before a misrouted case bounces back (GUESS)"),
    clarificationWork: spread.describe("Staff time for a clarification with the citizen (GUESS)"),
    clarificationDelay: spread.describe("Time for the citizen to answer a clarification call or message (M4, M7 at first contact; GUESS)"),
    reworkShare: share.describe("Share of a step's work needed to redo it after a defect (M8, M10; GUESS)"),
    generalistPenalty: share.describe("Extra share of work when a case owner does a step that a specialised team used to do (GUESS)"),
    batchSetupSaving: share.describe("Share of work saved when a step's work is done in a batch sweep (set-up shared, M6; GUESS)"),
    chaseNoteWork: durationOrZero.describe("Back-office time to answer a chase passed on from the front (GUESS)"),
    callbackExpectation: duration.describe("How soon a citizen expects a promised call-back (GUESS)"),
    consultShare: share.describe("Share of back-office or specialist work done as a consult when expertise is pulled"),
    completenessHelpWork: durationOrZero.describe("Extra front time to help complete an application at the first contact (M7; GUESS)"),
    completenessHelpSuccess: share.describe("Chance that help at the first contact makes an incomplete application complete (GUESS)"),
    infoLossFailure: share.describe("Extra chance that work fails when information was lost upstream (M8; GUESS)"),
    prematureClosure: share.describe("Chance of closing a case before the need is met when staff are held to cases closed (M10; GUESS; range 0.1 to 0.15)"),
    confirmationCatch: share.describe("When the citizen confirms closure: chance a remaining defect is caught before closing (GUESS)"),
    confirmationWork: durationOrZero.describe("Staff time for a confirmation contact (GUESS)"),
    updateInterval: duration.describe("Proactive progress information: time between updates (GUESS)"),
    updateWork: durationOrZero.describe("Proactive progress information: staff time per update (GUESS)"),
    firstUpdate: share.describe("Proactive progress information: the first update is due after this share of the service's expectation, if that is sooner than updateInterval (GUESS)"),
    proactiveChaseFactor: nonNegative.describe("Proactive progress information: multiplier of the chasing rate (GUESS)"),
    complaintWork: durationOrZero.describe("Back-office time to handle a formal complaint (GUESS)"),
    cutUnresolvedProbability: share.describe("Chance that work cut short at its handling-time target leaves the request unresolved (a contact) or a defect (a step) (M3; GUESS)"),
    cutPassOnProbability: share.describe("Chance that an enquiry cut short at the front is logged and passed on (or its expertise pulled) instead of left for the citizen to raise again (M3; GUESS)"),
    basicRepertoire: share.describe("Share of a service's front-resolvable demand types that a scripted front line handles often and answers reliably; beyond it, answers can be wrong (GUESS)"),
    wrongAnswerProbability: share.describe("Chance a front-line answer is wrong or incomplete for the rarest type it resolves; grows in proportion from 0 at the edge of the basic repertoire (GUESS)"),
    breadthContactTime: multiple.describe("Extra share of front contact time for a front line covering every resolvable type, against a scripted one (grows in proportion to breadth; GUESS)"),
    trainingTime: durationOrZero.describe('Training per person per year that keeps a full repertoire up (front line in proportion to breadth; pooled case owners in full), e.g. "40 hours" (GUESS)'),
    consultRelayWork: durationOrZero.describe("Front or case-owner time to relay a consult's answer to the citizen or into the case (GUESS)"),
    consultRelayLoss: share.describe("Chance that something is lost when a consult's answer is relayed, so the answer or the step is wrong (GUESS)"),
    measureGaming: share.describe("Chance that a late case (past the citizen's expectation) is closed before the need is met when staff are held to end-to-end time (scaled by the variety of the work, like prematureClosure; GUESS)"),
    payScripted: multiple.describe("Pay of a scripted front-line person, as a multiple of costPerStaffHour (GUESS)"),
    payGeneralist: multiple.describe("Pay of a front-line person covering every resolvable type, as a multiple of costPerStaffHour (in proportion to breadth between scripted and this; GUESS)"),
    payCaseWork: multiple.describe("Pay of case workers (and pooled case owners' base), as a multiple of costPerStaffHour (GUESS)"),
    paySpecialist: multiple.describe("Pay of specialists, as a multiple of costPerStaffHour (GUESS)"),
    payField: multiple.describe("Pay of field staff, as a multiple of costPerStaffHour (GUESS)"),
    payMeeting: multiple.describe("Cost of a committee's hour per seat-equivalent, as a multiple of costPerStaffHour (GUESS)"),
    sicknessSpells: expecting(rateOrZero.pipe(z.number().max(perYearLimit(52))), 'a rate from "0 / year" to "52 / year" (at most one spell a week), e.g. "4 / year"', "rate").describe(
      'Spells of sickness absence per person, e.g. "4 / year" (every team, under every policy; GUESS)',
    ),
    sicknessLength: spread.describe("Length of a sickness spell (calendar time; GUESS)"),
    holidayWeeks: expecting(z.number().int().min(0).max(8), "a whole number of weeks from 0 to 8").describe("Consecutive weeks of summer holiday per person, taken between early June and the end of August (every team; GUESS)"),
    coverAfter: durationOrZero.describe("A personal case owner's work is taken over by a colleague when the owner will be away longer than this; shorter absences are waited out (GUESS)"),
    readInWork: spreadOf(durationOrZero).describe("Time a colleague needs to read into an absent owner's case before working on it (a mean of 0: no reading in; GUESS)"),
  }),
  "mechanism strengths { handoffInfoLoss, misrouteProbability, ... } (every field optional)",
);
