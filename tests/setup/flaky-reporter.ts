import { relative } from "node:path";
import type { Reporter, TestCase } from "vitest/node";

/**
 * Lists, after the run, every test that failed and then passed on its retry (the browser
 * projects retry once: decision 025), with the first attempt's error, so that a flake is
 * seen and mended rather than hidden by the retry; and every test that failed, with its
 * error. `.ci/run` repeats these lines at its end, where a log cut to its tail still has
 * them: the CI of 2026-12-02 showed a failed test's name and not why it failed.
 */
export default class FlakyReporter implements Reporter {
  private readonly flaky: string[] = [];
  private readonly failed: string[] = [];

  onTestCaseResult(testCase: TestCase) {
    const result = testCase.result();
    const flaky = testCase.diagnostic()?.flaky;
    if (!flaky && result.state !== "failed") return;
    const file = relative(process.cwd(), testCase.module.moduleId);
    const name = `[${testCase.project.name}] ${file} > ${testCase.fullName}`;
    const errors = result.errors ?? [];
    if (flaky) {
      this.flaky.push(describe(`FLAKY ${name}`, "first attempt", errors[0]));
    } else {
      this.failed.push(describe(`FAILED ${name}`, "error", errors[0]));
    }
  }

  onTestRunEnd() {
    if (this.flaky.length > 0) {
      console.log(`\n${this.flaky.length} test(s) passed only on their retry:`);
      for (const line of this.flaky) console.log(line);
    }
    if (this.failed.length > 0) {
      console.log(`\n${this.failed.length} test(s) failed:`);
      for (const line of this.failed) console.log(line);
    }
  }
}

/**
 * A heading line, then the error's message, its diff and the lines of its stack in this
 * project, each line behind "│ " (which `.ci/run` repeats). fast-check's counterexample and
 * seed are in the message; the stack names the test's line that failed.
 */
function describe(
  heading: string,
  label: string,
  error: { message?: string; stack?: string; diff?: string } | undefined,
): string {
  const [first = "", ...rest] = (error?.message ?? "").split("\n");
  const root = `${process.cwd()}/`;
  const stack = (error?.stack ?? "")
    .split("\n")
    .filter((line) => line.includes(root) && !line.includes("node_modules"))
    .slice(0, 4)
    .map((line) => line.replaceAll(root, ""));
  const diff = (error?.diff ?? "").split("\n").slice(0, 20);
  const detail = [...rest, ...diff, ...stack]
    .filter((line) => line.trim() !== "")
    .slice(0, 40)
    .map((line) => `    │ ${line.slice(0, 400)}`);
  return [`${heading}${first ? ` (${label}: ${first})` : ""}`, ...detail].join("\n");
}
