/**
 * Channel rules: per channel, whether a live contact that finds its team closed queues or comes
 * back later, and whether a citizen's patience counts from the moment of contact or from
 * joining the line (issue 13). Today's rules are the defaults.
 *
 * @packageDocumentation
 */
import { z } from "zod";
import { expecting } from "./fields.js";
import type { Channel, ChannelRule, ChannelRules } from "./types.js";

const whenClosed = expecting(z.enum(["comeBack", "queue"]), "comeBack or queue").describe(
  "A call or visit that finds the team closed (or everyone away): comeBack = the citizen tries again at a random time in the next opening period (default); queue = the contact waits in the line until the team opens",
);
const patienceFrom = expecting(z.enum(["joining", "arrival"]), "joining or arrival").describe(
  "When the citizen's patience starts: joining = when the contact joins an open line, i.e. at the opening for a contact made while the team is closed (default); arrival = when the contact is made, so time waiting for the opening counts",
);

const liveRule = expecting(
  z.strictObject({ whenClosed: whenClosed.optional(), patienceFrom: patienceFrom.optional() }),
  "a rule { whenClosed: comeBack | queue, patienceFrom: joining | arrival } (each optional)",
);
const writtenRule = expecting(
  z.strictObject({ patienceFrom: patienceFrom.optional() }),
  "a rule { patienceFrom: joining | arrival } (written contacts always wait in line)",
);

/**
 * The input schema of `channelRules`: a rule per channel, every part optional.
 *
 * @example
 * ```ts
 * channelRulesSchema.parse({ phone: { whenClosed: "queue" } }).phone?.whenClosed; //=> "queue"
 * ```
 */
export const channelRulesSchema = expecting(
  z.strictObject({
    phone: liveRule.optional().describe("Phone calls"),
    visit: liveRule.optional().describe("Visits to a desk"),
    email: writtenRule.optional().describe("E-mails (patience: citizens.emailPatience)"),
    eform: writtenRule.optional().describe("E-form enquiries, answered by the team that answers e-mail (patience: citizens.eformPatience)"),
  }),
  "channel rules { phone, visit, email, eform } (each optional)",
);

/** Channel rules as written in a scenario. */
export type ChannelRulesInput = z.input<typeof channelRulesSchema>;

/**
 * Today's rules, the default of every channel: a live contact that finds its team closed comes
 * back later (its patience restarting), and patience counts from joining the line; written
 * contacts wait in line (with no patience unless `emailPatience` or `eformPatience` is set).
 *
 * @example
 * ```ts
 * CHANNEL_RULE_DEFAULTS.phone; //=> { whenClosed: "comeBack", patienceFrom: "joining" }
 * ```
 */
export const CHANNEL_RULE_DEFAULTS: ChannelRules = Object.freeze({
  phone: Object.freeze({ whenClosed: "comeBack", patienceFrom: "joining" }),
  visit: Object.freeze({ whenClosed: "comeBack", patienceFrom: "joining" }),
  email: Object.freeze({ whenClosed: "queue", patienceFrom: "joining" }),
  eform: Object.freeze({ whenClosed: "queue", patienceFrom: "joining" }),
} satisfies Record<Channel, ChannelRule>);

/**
 * The model's channel rules from validated input: every channel's rule, defaults filled in.
 *
 * @param input - the parsed `channelRules` of a scenario (or undefined)
 * @returns a rule for every channel
 * @example
 * ```ts
 * buildChannelRules({ phone: { whenClosed: "queue" } }).phone; //=> { whenClosed: "queue", patienceFrom: "joining" }
 * ```
 */
export function buildChannelRules(input: z.output<typeof channelRulesSchema> | undefined): ChannelRules {
  const rule = (channel: Channel): ChannelRule => {
    const base = CHANNEL_RULE_DEFAULTS[channel];
    const own = input?.[channel] as { whenClosed?: ChannelRule["whenClosed"]; patienceFrom?: ChannelRule["patienceFrom"] } | undefined;
    return { whenClosed: own?.whenClosed ?? base.whenClosed, patienceFrom: own?.patienceFrom ?? base.patienceFrom };
  };
  return { phone: rule("phone"), visit: rule("visit"), email: rule("email"), eform: rule("eform") };
}

/**
 * The input form of channel rules, only the rules that differ from the defaults (undefined when
 * none do): for writing a scenario back.
 *
 * @param rules - the model's channel rules
 * @returns the rules as written in a scenario, or undefined
 * @example
 * ```ts
 * channelRulesToInput(CHANNEL_RULE_DEFAULTS); //=> undefined
 * ```
 */
export function channelRulesToInput(rules: ChannelRules): ChannelRulesInput | undefined {
  const out: Record<string, Record<string, string>> = {};
  for (const channel of ["phone", "visit", "email", "eform"] as const) {
    const own = rules[channel];
    const base = CHANNEL_RULE_DEFAULTS[channel];
    const diff: Record<string, string> = {};
    if (own.whenClosed !== base.whenClosed) diff["whenClosed"] = own.whenClosed;
    if (own.patienceFrom !== base.patienceFrom) diff["patienceFrom"] = own.patienceFrom;
    if (Object.keys(diff).length > 0) out[channel] = diff;
  }
  return Object.keys(out).length > 0 ? (out as ChannelRulesInput) : undefined;
}
