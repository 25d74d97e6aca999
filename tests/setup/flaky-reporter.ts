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
    const error = testCase.result().errors?.[0]?.message?.split("\n")[0];
    this.flaky.push(
      `FLAKY [${testCase.project.name}] ${file} > ${testCase.fullName}` +
        (error ? ` (first attempt: ${error})` : ""),
    );
  }

  onTestRunEnd() {
    if (this.flaky.length === 0) return;
    console.log(`\n${this.flaky.length} test(s) passed only on their retry:`);
    for (const line of this.flaky) console.log(line);
  }
}
