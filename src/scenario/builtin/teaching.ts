/**
 * The classroom scenario "teaching": a small municipality's front desk, one case team and a
 * part-time expert, with two services (general questions and a permit). Small enough to
 * follow by hand: a few thousand needs a year.
 *
 * Every number is a GUESS chosen for teaching, in the ranges of docs/evidence.md. The staffing
 * arithmetic is in the comments on `teams`.
 *
 * @packageDocumentation
 */
import type { ScenarioInput } from "../schema.js";

/**
 * The "teaching" scenario in the input format.
 *
 * @example
 * ```ts
 * parseScenario(teachingScenario).services.length; //=> 2
 * ```
 */
export const teachingScenario: ScenarioInput = {
  name: "teaching",
  description:
    "Classroom scenario: a front desk (phone, visit, e-mail), one case team and a part-time expert; " +
    "general questions and a permit with a four-step case flow. All numbers are GUESSes for teaching.",
  sources: ["docs/evidence.md: parameter ranges and the starting points of regimes A and B", "All volumes and times: GUESS for teaching"],
  population: 8000, // GUESS: a small municipality
  costPerStaffHour: 550, // GUESS: SEK incl. overheads
  currency: "SEK",
  horizon: "52 weeks",
  warmup: "8 weeks",
  drain: "26 weeks",
  // Offered load per week under straightforward flow (each need passes each step once; no
  // failure demand): load = arrivals/week × share reaching the team × mean minutes, and
  // utilisation = load ÷ (staff × open minutes per week). A year is 365/7 = 52.14 weeks.
  //   questions: 4,000/yr = 76.7/wk; enquiries that contact = 76.7 × (1 − 0.5 × 0.3) = 65.2/wk
  //   permit:      800/yr = 15.3/wk; cases = 7.67/wk; enquiries that contact = 7.67 × (1 − 0.6 × 0.2) = 6.75/wk
  teams: [
    {
      // desk: questions 65.2 × 0.95 (not e-form) × 8 min = 495.6; permit (6.75 + 7.67) × 0.6 × 10 min = 86.5
      //   → 582.1 min/wk ÷ (2 staff × 900 open min/wk) = 0.32: a phone line is staffed to answer
      //   before callers hang up (Erlang A), not to be busy; one person at 0.65 would lose about
      //   half the calls
      id: "desk",
      name: "front desk",
      role: "front",
      staff: 2,
      hours: "Mon-Fri 09:00-12:00", // 5 × 180 = 900 open min/wk (GUESS)
      channels: ["phone", "visit", "email"],
    },
    {
      // officers: questions 65.2 × (0.05 + 0.95 × 0.3) × 20 min = 436.9; permit enquiries
      //   6.75 × (0.4 + 0.6 × 0.6) × 20 = 102.6; permit steps 7.67 × (20 + 120 + 30) = 1,304
      //   → 1,843.6 min/wk ÷ (1 staff × 2,400 open min/wk) = 0.77
      id: "officers",
      name: "case officers",
      role: "caseWork",
      staff: 1,
      hours: "Mon-Fri 08:00-16:00", // 2,400 open min/wk
    },
    {
      // expert: 7.67 × 0.3 (specialist cases) × 90 min = 207.1 min/wk ÷ (1 staff × 300 open min/wk) = 0.69
      id: "expert",
      name: "technical expert (part time)",
      role: "specialist",
      staff: 1,
      hours: ["Tue 09:00-12:00", "Thu 10:00-12:00"], // 300 open min/wk: shared with other work (GUESS)
    },
  ],
  services: [
    {
      id: "questions",
      name: "general questions",
      arrivals: "4000 / year", // GUESS: 0.5 contacts per inhabitant a year
      demandTypes: 10, // M1: 5–20 types per flow (GUESS)
      typeConcentration: 1, // GUESS
      frontResolvableShare: 0.7, // M2: a skilled front line resolves most questions (GUESS)
      caseShare: 0,
      frontWork: { mean: "8 min", cv: 0.8 }, // F1: talk time 3–8 min (GUESS; E33 5–9 min)
      backOfficeWork: { mean: "20 min", cv: 0.8 }, // GUESS
      backOffice: "officers",
      informationQuality: 0.5, // GUESS
      selfServiceShare: 0.3, // GUESS
      channelMix: { phone: 0.6, visit: 0.15, email: 0.2, eform: 0.05 }, // GUESS
      expectation: "3 days", // M9: E for a simple question (GUESS)
    },
    {
      id: "permit",
      name: "permit",
      arrivals: "800 / year", // GUESS: half applications, half questions about them
      demandTypes: 6, // GUESS
      frontResolvableShare: 0.4, // GUESS
      caseShare: 0.5, // GUESS
      frontWork: { mean: "10 min", cv: 0.6 }, // GUESS
      backOfficeWork: { mean: "20 min", cv: 0.6 }, // GUESS
      backOffice: "officers",
      specialistShare: 0.3, // GUESS
      informationQuality: 0.6, // M7: 20–50% of applications incomplete (E20; GUESS)
      selfServiceShare: 0.2, // GUESS
      channelMix: { phone: 0.4, visit: 0.1, email: 0.1, eform: 0.4 }, // GUESS
      expectation: "4 weeks", // M9 (GUESS)
      steps: [
        { id: "intake", name: "intake and completeness check", team: "officers", work: { mean: "20 min", cv: 0.5 }, checksCompleteness: true },
        { id: "assessment", team: "officers", work: { mean: "2 hours", cv: 0.7 } },
        { id: "review", name: "expert review", team: "expert", work: { mean: "90 min", cv: 0.6 }, specialist: true },
        { id: "decision", team: "officers", work: { mean: "30 min", cv: 0.4 } },
      ],
    },
  ],
  // staff here are the people on duty: absence is left out to keep the example small (see
  // soderhamn for sickness and holidays)
  mechanisms: { sicknessSpells: "0 / year", holidayWeeks: 0 },
};
