import { lstatSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * docs/evidence.md is the project's list of sources (E1, E2, …). Code comments and docs cite a
 * source by its E-number; the older R-numbers and the two briefing files they pointed into
 * (which live outside the repository) must not come back. The checks are plain functions over
 * a map of file texts, so the tests below also show that each check fails on a bad input.
 */
const ROOT = join(__dirname, "..");
const EVIDENCE = "docs/evidence.md";
/** Where the briefing files must not be named. */
const NO_BRIEF_FILES = ["src", "docs", "examples", "scripts", "schema", "bench", "README.md"];
/** Where E-numbers are cited and R-numbers must not be. */
const CITING = ["src", "docs"];
/** Generated from the TSDoc in src/: its citations are checked there, and it carries no links. */
const GENERATED = "docs/api.md";
const OLD_TABLE_HEADING = "## Old reference numbers";

type Files = ReadonlyMap<string, string>;

/** Images and other binary files hold no citations (their bytes may look like "R9"). */
const BINARY = /\.(png|jpe?g|gif|webp|ico|pdf|gz|zip)$/i;

/** Every text file under a path; installed packages (node_modules, also linked ones) are not the project's. */
function walk(path: string): string[] {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return [];
  if (!stat.isDirectory()) return BINARY.test(path) ? [] : [path];
  return readdirSync(path).filter((name) => name !== "node_modules").flatMap((name) => walk(join(path, name)));
}

function readTree(roots: readonly string[]): Files {
  const files = new Map<string, string>();
  for (const root of roots) {
    for (const path of walk(join(ROOT, root))) files.set(relative(ROOT, path).split(sep).join("/"), readFileSync(path, "utf8"));
  }
  return files;
}

const under = (path: string, roots: readonly string[]): boolean => roots.some((r) => path === r || path.startsWith(`${r}/`));

/** A citation: the number after "E" or "R", standing alone after a space, a bracket or a list separator. */
const citations = (text: string, letter: "E" | "R"): { n: number; index: number }[] =>
  [...text.matchAll(new RegExp(`(?<=^|[\\s(\\[,;:/–—-])${letter}(\\d+)\\b`, "gm"))].map((m) => ({ n: Number(m[1]), index: m.index ?? 0 }));

/** The text of evidence.md without the rows of its "Old reference numbers" table. */
function withoutOldTable(text: string): string {
  const at = text.indexOf(`\n${OLD_TABLE_HEADING}\n`);
  if (at < 0) return text;
  const section = text.slice(at).split("\n");
  const next = section.findIndex((line, i) => i > 1 && /^## /.test(line));
  const kept = section.map((line, i) => ((next < 0 || i < next) && line.startsWith("|") ? "" : line));
  return text.slice(0, at) + kept.join("\n");
}

/** The E-numbers of the entries of evidence.md, in order: each entry is a heading "#### E<n>". */
const entries = (evidence: string): number[] => [...evidence.matchAll(/^#### E(\d+)$/gm)].map((m) => Number(m[1]));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

const anchorsOf = (markdown: string): Set<string> =>
  new Set([...markdown.replace(/```[\s\S]*?```/g, "").matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] as string)));

/** Every problem with the sources and their citations, as sentences; empty when all is well. */
function evidenceProblems(files: Files): string[] {
  const problems: string[] = [];
  const evidence = files.get(EVIDENCE);
  if (evidence === undefined) return [`${EVIDENCE} is missing`];

  for (const [path, text] of files) {
    if (!under(path, NO_BRIEF_FILES)) continue;
    for (const name of ["domain.md", "references.md"]) {
      if (text.includes(name)) problems.push(`${path} names ${name}, which readers cannot open: cite docs/evidence.md`);
    }
  }

  const listed = entries(evidence);
  const expected = listed.map((_, i) => i + 1);
  if (listed.join() !== expected.join()) problems.push(`${EVIDENCE} entries are not E1…E${listed.length} in order: ${listed.map((n) => `E${n}`).join(", ")}`);
  for (const n of listed) {
    const body = evidence.slice(evidence.indexOf(`\n#### E${n}\n`) + 1).split(/\n#{2,4} /)[0] ?? "";
    for (const field of ["**Used for:**", "**Where:**", "**Reliability:**", "**URL"]) {
      if (!body.includes(field)) problems.push(`E${n} in ${EVIDENCE} has no ${field.replace(/\*/g, "")} line`);
    }
  }
  const known = new Set(listed);

  const citedElsewhere = new Set<number>();
  for (const [path, raw] of files) {
    if (!under(path, CITING)) continue;
    const text = path === EVIDENCE ? withoutOldTable(raw) : raw;
    for (const { n } of citations(raw, "E")) {
      if (!known.has(n)) problems.push(`${path} cites E${n}, which has no entry in ${EVIDENCE}`);
      if (path !== EVIDENCE) citedElsewhere.add(n);
    }
    for (const { n } of citations(text, "R")) problems.push(`${path} cites the old R${n}: cite its E-number (the table at the end of ${EVIDENCE})`);
    if (path.endsWith(".md") && path !== EVIDENCE && path !== GENERATED) {
      for (const { n, index } of citations(text, "E")) {
        if (!text.startsWith(`[E${n}](evidence.md#e${n})`, index - 1)) problems.push(`${path} cites E${n} without linking it as [E${n}](evidence.md#e${n})`);
      }
    }
  }
  for (const n of listed) {
    if (!citedElsewhere.has(n)) problems.push(`E${n} of ${EVIDENCE} is cited nowhere in src/ or docs/: cite it or drop it`);
  }

  // Links into evidence.md, and from evidence.md to the other docs, must land on a heading.
  const anchors = new Map<string, Set<string>>();
  const anchorsOfDoc = (doc: string): Set<string> | undefined => {
    if (!anchors.has(doc) && files.has(doc)) anchors.set(doc, anchorsOf(files.get(doc) as string));
    return anchors.get(doc);
  };
  for (const [path, text] of files) {
    if (!path.endsWith(".md") || path === GENERATED) continue;
    const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/") + 1) : "";
    for (const m of text.matchAll(/\]\(([\w./-]*)#([^)\s]+)\)/g)) {
      const target = m[1] === "" ? path : `${dir}${m[1]}`.replace(/^docs\/\.\.\//, "");
      if (target !== EVIDENCE && path !== EVIDENCE) continue;
      const have = anchorsOfDoc(target);
      if (have === undefined) problems.push(`${path} links to ${m[1]}#${m[2]}, a file that is not there`);
      else if (!have.has(m[2] as string)) problems.push(`${path} links to ${target}#${m[2]}, a heading that is not there`);
    }
  }
  return problems;
}

describe("docs/evidence.md and the citations of it", () => {
  const files = readTree(NO_BRIEF_FILES);

  it("lists every source cited, is cited for every source it lists, and no briefing file or R-number is left", () => {
    expect(evidenceProblems(files)).toEqual([]);
  });

  it("maps every old R-number, R1 to R64, in its last table", () => {
    const text = files.get(EVIDENCE) as string;
    const table = text.slice(text.indexOf(`\n${OLD_TABLE_HEADING}\n`));
    expect(text.indexOf(`\n${OLD_TABLE_HEADING}\n`)).toBeGreaterThan(0);
    expect(/\n## /.test(table.slice(1))).toBe(false);
    const rows = [...table.matchAll(/^\| R(\d+) \| (E\d+|—) \|/gm)].map((m) => Number(m[1]));
    expect(rows).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
  });

  describe("each check can fail", () => {
    const withFile = (path: string, text: string): Files => new Map([...files, [path, text]]);
    const src = "src/model/codes.ts";
    const doc = "docs/model.md";
    const count = files.get(EVIDENCE)?.match(/^#### E\d+$/gm)?.length ?? 0;

    it("a briefing file named in code, docs or examples", () => {
      for (const path of [src, doc, "examples/scenarios/small-town.yaml", "README.md", "bench/README.md"]) {
        const problems = evidenceProblems(withFile(path, `${files.get(path) ?? ""}\n// see domain.md §3\n`));
        expect(problems, path).toEqual([`${path} names domain.md, which readers cannot open: cite docs/evidence.md`]);
      }
      expect(evidenceProblems(withFile(src, `${files.get(src)}\n// R-numbers of references.md\n`))).toEqual([
        `${src} names references.md, which readers cannot open: cite docs/evidence.md`,
      ]);
    });

    it("an E-number with no entry", () => {
      const problems = evidenceProblems(withFile(src, `${files.get(src)}\n// a figure (E${count + 1})\n`));
      expect(problems).toEqual([`${src} cites E${count + 1}, which has no entry in ${EVIDENCE}`]);
    });

    it("an old R-number, alone, in brackets or in a range", () => {
      for (const cite of ["R41", "(R32)", "R38–R39"]) {
        const problems = evidenceProblems(withFile(src, `${files.get(src)}\n// patience ${cite}\n`));
        expect(problems.length, cite).toBe(cite.includes("–") ? 2 : 1);
        expect(problems[0], cite).toMatch(/cites the old R\d+/);
      }
    });

    it("an entry cited nowhere", () => {
      const evidence = files.get(EVIDENCE) as string;
      const extra = `\n#### E${count + 1}\n\n**Nobody, n.d.**\n\n- **Used for:** nothing.\n- **Where:** —\n- **Reliability:** —\n- **URL:** none\n`;
      const at = evidence.indexOf("\n---\n\n## Parameter ranges from practice");
      const problems = evidenceProblems(withFile(EVIDENCE, evidence.slice(0, at) + extra + evidence.slice(at)));
      expect(problems).toEqual([`E${count + 1} of ${EVIDENCE} is cited nowhere in src/ or docs/: cite it or drop it`]);
    });

    it("an E-number in the docs that is not a link, and a link to a heading that is not there", () => {
      expect(evidenceProblems(withFile(doc, `${files.get(doc)}\nSee E3.\n`))).toEqual([`${doc} cites E3 without linking it as [E3](evidence.md#e3)`]);
      expect(evidenceProblems(withFile(doc, `${files.get(doc)}\nSee [the ranges](evidence.md#ranges).\n`))).toEqual([
        `${doc} links to ${EVIDENCE}#ranges, a heading that is not there`,
      ]);
    });

    it("does not take numbers in code for citations", () => {
      const code = `${files.get(src)}\nconst big = 1E5, hex = 0xE5, end2end = "E2E";\n`;
      expect(evidenceProblems(withFile(src, code))).toEqual([]);
    });
  });
});
