/**
 * The "standard-work" scenario: low-variety, fully standard work (one or two demand types,
 * work content with cv 0.1, complete information, almost no specialist needs). This is the case
 * where optimising each part's minutes should do fine (design.md: "with standard, low-variety
 * work, part-optimising can be cheaper and no slower"), so it is the control against which the
 * high-variety scenarios are read.
 *
 * Every number is a GUESS chosen to make the work standard; ranges from docs/evidence.md.
 *
 * @packageDocumentation
 */
import type { ScenarioInput } from "../schema.js";

const STANDARD = 0.1; // cv of all work content: fully standard work (GUESS)

/**
 * The "standard-work" scenario in the input format.
 *
 * @example
 * ```ts
 * parseScenario(standardWorkScenario).services.every((s) => s.demandTypes <= 2); //=> true
 * ```
 */
export const standardWorkScenario: ScenarioInput = {
  name: "standard-work",
  description:
    "Low-variety standard work: resident parking permits and bin changes, one or two demand types each, " +
    "work content with cv 0.1, complete information and few specialist needs. The case where optimising " +
    "each part's minutes should do fine.",
  sources: ["design.md: the argument the library must let people test", "docs/evidence.md: parameter ranges of M1, M2, M4, M7", "All volumes and times: GUESS"],
  population: 20000, // GUESS
  costPerStaffHour: 600, // GUESS: SEK per staff hour including overheads
  currency: "SEK",
  // Offered load per week under straightforward flow (as in soderhamnTeams.ts):
  //   parkingPermit: 3,000/yr = 57.53/wk; C = 46.03; E = 11.51 × (1 − 0.95 × 0.6) = 4.95
  //   binChange:     2,000/yr = 38.36/wk; C = 34.52; E = 3.84 × (1 − 0.9 × 0.5) = 2.11
  teams: [
    {
      // front: parkingPermit (4.95 + 46.03) × 0.3 × 3 = 45.9; binChange (2.11 + 34.52) × 0.4 × 3 = 44.0
      //   → 89.9 min/wk ÷ (1 staff × 900 open min/wk) = 0.10: a phone line is staffed to answer, not to be busy
      id: "serviceDesk",
      name: "service desk",
      role: "front",
      staff: 1,
      hours: "Mon-Fri 09:00-12:00", // GUESS: a small desk for standard questions, open every morning so callers get through
      channels: ["phone", "visit", "email"],
    },
    {
      // parkingPermit enquiries 4.95 × (0.7 + 0.3 × 0.05) × 10 = 35.4; check 46.03 × 5 = 230.1;
      //   issue 46.03 × 5 = 230.1; specialReview 46.03 × 0.02 × 30 = 27.6; binChange enquiries
      //   2.11 × (0.6 + 0.4 × 0.05) × 8 = 10.5; order 34.52 × 6 = 207.1
      //   → 740.9 min/wk ÷ (1 staff × 1,050 open min/wk) = 0.71
      id: "administrators",
      name: "administrators",
      role: "caseWork",
      staff: 1,
      hours: "Mon-Fri 08:00-11:30", // 1,050 open min/wk for these services (GUESS)
    },
    {
      // binChange delivery 34.52 × 1/(1 − 0.02) × 20 = 704.5 min/wk ÷ (1 staff × 960 open min/wk) = 0.73
      id: "fieldCrew",
      name: "bin delivery crew",
      role: "field",
      staff: 1,
      hours: "Mon-Thu 07:00-11:00", // 960 open min/wk (GUESS)
    },
  ],
  services: [
    {
      id: "parkingPermit",
      name: "resident parking permit",
      arrivals: "3000 / year", // GUESS
      demandTypes: 1, // standard work: one kind of need
      typeConcentration: 0,
      frontResolvableShare: 0.95, // GUESS: nearly every question has a standard answer
      caseShare: 0.8, // GUESS
      frontWork: { mean: "3 min", cv: STANDARD }, // fits the 4-minute standard time with room to spare
      backOfficeWork: { mean: "10 min", cv: STANDARD },
      backOffice: "administrators",
      specialistShare: 0.02, // GUESS: rare special cases (e.g. disability parking)
      informationQuality: 0.95, // GUESS: a clear e-service with all rules stated
      selfServiceShare: 0.6, // GUESS
      channelMix: { phone: 0.25, visit: 0.03, email: 0.02, eform: 0.7 }, // GUESS
      expectation: "2 weeks", // GUESS: municipalities promise parking permits within one to three weeks
      steps: [
        { id: "check", team: "administrators", work: { mean: "5 min", cv: STANDARD }, checksCompleteness: true },
        { id: "issue", team: "administrators", work: { mean: "5 min", cv: STANDARD } },
        { id: "specialReview", name: "special review", team: "administrators", work: { mean: "30 min", cv: STANDARD }, specialist: true },
      ],
    },
    {
      id: "binChange",
      name: "waste bin change",
      arrivals: "2000 / year", // GUESS
      demandTypes: 2, // bigger or smaller bin
      typeConcentration: 0.5, // GUESS
      frontResolvableShare: 0.95, // GUESS
      caseShare: 0.9, // GUESS
      frontWork: { mean: "3 min", cv: STANDARD }, // fits the 4-minute standard time with room to spare
      backOfficeWork: { mean: "8 min", cv: STANDARD },
      backOffice: "administrators",
      informationQuality: 0.9, // GUESS
      selfServiceShare: 0.5, // GUESS
      channelMix: { phone: 0.3, email: 0.1, eform: 0.6 }, // GUESS
      expectation: "2 weeks", // GUESS
      steps: [
        { id: "order", team: "administrators", work: { mean: "6 min", cv: STANDARD } },
        { id: "delivery", team: "fieldCrew", work: { mean: "20 min", cv: STANDARD }, failureProbability: 0.02 }, // M8 GUESS
      ],
    },
  ],
  mechanisms: {
    handoffInfoLoss: 0.02, // M4 (GUESS): a standard form carries everything the next step needs
    misrouteProbability: 0.02, // M4 (GUESS): one obvious destination
    // staff here are the people on duty: absence is left out so the one-person teams stand for a
    // post that is always filled (see soderhamn for sickness and holidays)
    sicknessSpells: "0 / year",
    holidayWeeks: 0,
  },
  citizens: {
    letterUnclearProbability: 0.05, // M7 (GUESS): standard letters
  },
};
