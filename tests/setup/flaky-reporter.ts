import { relative } from "node:path";
import type { Reporter, TestCase } from "vitest/node";

/**
 * Lists, after the run, every test that failed and then passed on its retry (the browser
 * projects retry once: decision 025), with the first attempt's error, so that a flake is
 * seen and mended rather than hidden by the retry. `.ci/run` repeats these lines at its end.
 */
export default class FlakyReporter implements Reporter {
  private readonly flaky: string[] = [];

  onTestCaseResult(testCase: TestCase) {
    if (!testCase.diagnostic()?.flaky) return;
    const file = relative(process.cwd(), testCase.module.moduleId);
    const message = testCase.result().errors?.[0]?.message ?? "";
    const [first, ...rest] = message.split("\n");
    // The first line names the test in the run's summary (.ci/run repeats FLAKY lines); the
    // rest of the message (fast-check's counterexample, seed and error) follows, indented.
    const detail = rest
      .filter((line) => line.trim() !== "")
      .slice(0, 40)
      .map((line) => `    ${line.slice(0, 400)}`);
    this.flaky.push(
      [
        `FLAKY [${testCase.project.name}] ${file} > ${testCase.fullName}` +
          (first ? ` (first attempt: ${first})` : ""),
        ...detail,
      ].join("\n"),
    );
  }

  onTestRunEnd() {
    if (this.flaky.length === 0) return;
    console.log(`\n${this.flaky.length} test(s) passed only on their retry:`);
    for (const line of this.flaky) console.log(line);
  }
}
