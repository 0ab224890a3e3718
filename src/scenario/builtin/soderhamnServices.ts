/**
 * The services of the "soderhamn" scenario: flows F1–F6 of docs/evidence.md. Volumes are per
 * year over the whole year; "needs" include both applications (cases, `caseShare`) and
 * enquiries. Failure demand (chasing, repeats, clarifications) is not an input: the model
 * makes it. Value demand is about 32,000 first contacts a year (see soderhamnTeams.ts); with the failure demand
 * of regime A (40–70% of contacts, M9) that is within F1's GUESS of 40,000–65,000 contacts.
 *
 * @packageDocumentation
 */
import type { ScenarioInput } from "../schema.js";

/**
 * F1–F6 in the input format.
 *
 * @example
 * ```ts
 * soderhamnServices.map((s) => s.id); //=> ["general", "buildingPermit", ...]
 * ```
 */
export const soderhamnServices: ScenarioInput["services"] = [
  {
    // F1 contact centre / "one way in": general enquiries that are not part of F2–F6.
    id: "general",
    name: "general enquiries",
    arrivals: "28000 / year", // GUESS: F1 40,000–65,000 contacts/yr in all flows incl. failure demand; ~32,000 value demand
    demandTypes: 20, // M1: 5–20 types per flow (GUESS); high variety
    typeConcentration: 1, // GUESS
    frontResolvableShare: 0.75, // M2: B resolves 0.7–0.9 at first contact (GUESS); Knivsta 78% (E23)
    caseShare: 0, // enquiries only
    frontWork: { mean: "7.5 min", cv: 0.8 }, // F1: talk time 3–8 min (GUESS; E33 5–9 min)
    backOfficeWork: { mean: "14 min", cv: 1 }, // GUESS: a department looks it up and answers
    backOffice: "departmentAdmin",
    informationQuality: 0.5, // GUESS
    selfServiceShare: 0.3, // GUESS
    channelMix: { phone: 0.55, visit: 0.15, email: 0.25, eform: 0.05 }, // GUESS
    expectation: "3 days", // M9: E; GUESS (a promised answer within a few days)
    // Profile: default office-week shape with a January peak (F1: school choice, fee notices; GUESS)
  },
  {
    // F2 building permit (bygglov and anmälan): 200–400 cases/yr (GUESS) plus "do I need a permit?" enquiries.
    id: "buildingPermit",
    name: "building permit",
    arrivals: "2000 / year", // GUESS: 400 applications + 1,600 enquiries
    profile: { byMonth: [0.6, 0.7, 1.0, 1.3, 1.5, 1.4, 1.1, 1.0, 1.0, 0.9, 0.8, 0.7] }, // F2: spring and summer peak (GUESS)
    demandTypes: 12, // M1 (GUESS)
    frontResolvableShare: 0.4, // GUESS: many permit questions need a planner
    caseShare: 0.2, // 400 cases/yr (F2: 200–400, GUESS)
    frontWork: { mean: "8 min", cv: 0.8 }, // GUESS
    backOfficeWork: { mean: "20 min", cv: 1 }, // GUESS
    backOffice: "planning",
    specialistShare: 0.5, // GUESS: half the cases need a technical review
    informationQuality: 0.6, // M7: Swedish bygglov 30–50% incomplete (GUESS); UK about 20% (E20)
    selfServiceShare: 0.3, // GUESS
    channelMix: { phone: 0.45, visit: 0.05, email: 0.15, eform: 0.35 }, // GUESS: applications by e-service
    expectation: "7 weeks", // E26: Söderhamn average about 7 weeks; legal limit 10 weeks from complete (E27)
    // PBL 9 kap. 27 §: a decision within 10 weeks of the complete application (E27, E49); the law
    // lets the time be extended once by at most 10 weeks, which is not modelled. The time is not
    // stopped by later requests to the applicant, so the clock does not pause for the citizen.
    internalClock: { startsAt: "completeApplication", pausesForCitizen: false, target: "10 weeks" },
    steps: [
      // F2: registered and checked for completeness by the registry before a planner sees it (GUESS)
      { id: "intake", name: "registration and completeness check", team: "departmentAdmin", work: { mean: "30 min", cv: 0.5 }, checksCompleteness: true },
      { id: "assessment", team: "planning", work: { mean: "4 hours", cv: 0.8 } }, // GUESS
      { id: "technicalReview", name: "specialist technical review", team: "buildingInspectors", work: { mean: "3 hours", cv: 0.7 }, specialist: true }, // GUESS
      {
        id: "neighbourHearing",
        name: "neighbour hearing",
        team: "planning",
        work: { mean: "30 min", cv: 0.5 }, // GUESS: letters to neighbours, reading replies
        externalWait: { mean: "17 days", cv: 0.15 }, // F2: fixed 2–3 week windows; West Lindsey 24 days (E19)
      },
      // F2: decided by the building committee (nämnd); a case owner decides under delegation (GUESS)
      { id: "decision", team: "buildingCommittee", work: { mean: "1 hour", cv: 0.5 } },
    ],
  },
  {
    // F3 home-care application (hemtjänst): 250–450 new applications or reviews/yr (GUESS, E28).
    id: "homeCare",
    name: "home-care application",
    arrivals: "900 / year", // GUESS: 360 applications + 540 enquiries (often from relatives)
    demandTypes: 8, // GUESS
    frontResolvableShare: 0.3, // GUESS
    caseShare: 0.4, // 360 cases/yr (F3: 250–450, GUESS)
    frontWork: { mean: "10 min", cv: 0.7 }, // GUESS
    backOfficeWork: { mean: "20 min", cv: 0.8 }, // GUESS
    backOffice: "needsAssessors",
    informationQuality: 0.5, // GUESS
    selfServiceShare: 0.2, // GUESS
    channelMix: { phone: 0.7, visit: 0.05, email: 0.1, eform: 0.15 }, // F3: often a relative calls (GUESS)
    expectation: "2 weeks", // GUESS
    steps: [
      // GUESS: booking the home visit with the citizen (and often a relative) takes days whatever the policy
      { id: "intake", team: "needsAssessors", work: { mean: "30 min", cv: 0.5 }, checksCompleteness: true, externalWait: { mean: "5 days", cv: 0.5 } },
      { id: "needsAssessment", name: "needs assessment with home visit", team: "needsAssessors", work: { mean: "3 hours", cv: 0.5 } }, // GUESS: visit + travel + notes
      { id: "decision", team: "needsAssessors", work: { mean: "45 min", cv: 0.5 } }, // GUESS
      { id: "startUp", name: "start-up visit by the home-care unit", team: "homeCareUnit", work: { mean: "2 hours", cv: 0.5 }, failureProbability: 0.05 }, // GUESS (M8)
    ],
  },
  {
    // F4 financial assistance (ekonomiskt bistånd): first-time applications, 300–600/yr (GUESS).
    // Monthly re-applications of current recipients (4,500–5,500/yr, E29) are not modelled here.
    id: "financialAssistance",
    name: "financial assistance",
    arrivals: "2000 / year", // GUESS: 600 applications + 1,400 enquiries
    demandTypes: 10, // GUESS
    frontResolvableShare: 0.4, // GUESS
    caseShare: 0.3, // 600 cases/yr (F4: 300–600 first-time applicants, GUESS)
    frontWork: { mean: "10 min", cv: 0.8 }, // GUESS
    backOfficeWork: { mean: "20 min", cv: 0.8 }, // GUESS
    backOffice: "welfareOfficers",
    informationQuality: 0.4, // GUESS: documents often missing (F4 moments of truth)
    selfServiceShare: 0.2, // GUESS
    channelMix: { phone: 0.45, visit: 0.3, email: 0.05, eform: 0.2 }, // GUESS
    expectation: "16 days", // E24: KKiK first contact to decision, national average 16 days
    steps: [
      // GUESS: after the first visit the applicant gathers bank statements, rent and income papers
      { id: "firstVisit", name: "booked first visit", team: "welfareOfficers", work: { mean: "1 hour", cv: 0.4 }, externalWait: { mean: "5 days", cv: 0.6 } },
      { id: "investigation", name: "investigation with completeness check", team: "welfareOfficers", work: { mean: "3 hours", cv: 0.7 }, checksCompleteness: true }, // GUESS
      { id: "decision", team: "welfareOfficers", work: { mean: "30 min", cv: 0.5 } }, // GUESS
      { id: "payment", team: "departmentAdmin", work: { mean: "15 min", cv: 0.5 } }, // GUESS: paid out by the administration
    ],
  },
  {
    // F5 school choice: the yearly round (a single batch window, January–March).
    id: "schoolChoice",
    name: "school choice (yearly round)",
    arrivals: "450 / year", // GUESS: about 250 applications + questions
    profile: { byMonth: [3, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }, // F5: applications in January–February (GUESS)
    demandTypes: 5, // GUESS
    frontResolvableShare: 0.5, // GUESS
    caseShare: 0.6, // 270 applications (F5: about 250 children, GUESS)
    frontWork: { mean: "6 min", cv: 0.6 }, // GUESS
    backOfficeWork: { mean: "15 min", cv: 0.8 }, // GUESS: "why this school?"
    backOffice: "schoolOffice",
    informationQuality: 0.7, // GUESS
    selfServiceShare: 0.4, // GUESS
    channelMix: { phone: 0.25, visit: 0.05, email: 0.1, eform: 0.6 }, // GUESS: e-service
    expectation: "4 weeks", // GUESS: families expect an answer within weeks, not at the run
    steps: [
      { id: "registration", team: "schoolOffice", work: { mean: "20 min", cv: 0.5 }, checksCompleteness: true }, // GUESS
      // F5, M6: the yearly placement run in week 10 (about 12 March); 52 weeks apart.
      { id: "placement", name: "placement run", team: "schoolOffice", work: { mean: "1 hour", cv: 0.5 }, scheduled: { every: "52 weeks", offset: "10 weeks" } }, // GUESS
      { id: "offer", team: "schoolOffice", work: { mean: "15 min", cv: 0.5 } }, // GUESS
    ],
  },
  {
    // F5 continuous placements: preschool (offer within 4 months) and mid-year moves.
    id: "schoolPlacement",
    name: "preschool and mid-year placement",
    arrivals: "800 / year", // GUESS: 250–300 preschool + 100–200 moves = 400 cases, + enquiries
    demandTypes: 6, // GUESS
    frontResolvableShare: 0.5, // GUESS
    caseShare: 0.5, // 400 cases/yr (GUESS)
    frontWork: { mean: "6 min", cv: 0.6 }, // GUESS
    backOfficeWork: { mean: "15 min", cv: 0.8 }, // GUESS
    backOffice: "schoolOffice",
    informationQuality: 0.6, // GUESS
    selfServiceShare: 0.3, // GUESS
    channelMix: { phone: 0.35, visit: 0.05, email: 0.1, eform: 0.5 }, // GUESS
    expectation: "4 weeks", // GUESS
    steps: [
      { id: "registration", team: "schoolOffice", work: { mean: "20 min", cv: 0.5 }, checksCompleteness: true }, // GUESS
      { id: "placement", team: "schoolOffice", work: { mean: "1 hour", cv: 0.6 } }, // GUESS
      { id: "offer", team: "schoolOffice", work: { mean: "15 min", cv: 0.5 } }, // GUESS
    ],
  },
  {
    // F6 waste-collection issue: 2,000–4,000 contacts/yr (GUESS); contractor does the field work.
    id: "wasteIssue",
    name: "waste-collection issue",
    arrivals: "3000 / year", // GUESS: 1,800 missed collections + 1,200 bin and billing questions
    profile: { byMonth: [1.4, 1.2, 1.0, 0.9, 0.9, 1.0, 1.1, 1.2, 0.9, 0.8, 0.8, 0.8] }, // F6: after holidays, snow (GUESS)
    demandTypes: 6, // GUESS
    frontResolvableShare: 0.6, // GUESS: B can see route data (F6)
    caseShare: 0.6, // GUESS: reports needing a return pick-up
    frontWork: { mean: "4 min", cv: 0.6 }, // GUESS
    backOfficeWork: { mean: "10 min", cv: 0.8 }, // GUESS
    backOffice: "wasteService",
    informationQuality: 0.7, // GUESS
    selfServiceShare: 0.3, // GUESS
    channelMix: { phone: 0.55, visit: 0.02, email: 0.13, eform: 0.3 }, // GUESS
    expectation: "3 days", // GUESS: a missed bin should be fixed within days
    steps: [
      // GUESS: the return pick-up waits for a route that passes the address
      { id: "ticket", name: "log and schedule a return pick-up", team: "wasteService", work: { mean: "15 min", cv: 0.5 }, externalWait: { mean: "2 days", cv: 0.5 } },
      { id: "returnPickup", name: "return pick-up by the contractor", team: "wasteCrew", work: { mean: "45 min", cv: 0.5 }, failureProbability: 0.15 }, // M8 GUESS; E18: 74% done in one visit after redesign
    ],
  },
];
