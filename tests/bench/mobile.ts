/**
 * `npm run bench:mobile`: how long a phone on a mobile network waits for the questionnaire.
 * Starts the production build (embedded database, or DATABASE_URL), creates an assessment,
 * and opens its link in Chromium throttled through the DevTools protocol, with a cold cache
 * (a new browser context per load):
 *
 * - Fast 4G: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up;
 * - Slow 4G: 400 ms round trip, 400 kbit/s down, 400 kbit/s up, and the CPU 4× slower.
 *
 * Measures the time from navigation to the first question being interactive (the page
 * hydrated, `html[data-hydrated]`, and the first question's answer boxes on screen: the
 * native form's, decision 031, or SurveyJS's if it came first) and the bytes transferred
 * (compressed, as on the wire), the median of BENCH_RUNS loads (default 3), against the
 * targets: ≤ 3 s on Fast 4G, ≤ 8 s on Slow 4G, ≤ 450 KB. It also prints, without a target,
 * the time until SurveyJS has taken the page over (its first question's boxes on screen).
 * Exits 1 when a target is missed.
 */
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../e2e/browser";
import { createAssessmentViaApi } from "../e2e/create-assessment";
import { startServer } from "../e2e/server";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const TARGET_KB = 450;

interface Profile {
  name: string;
  latencyMs: number;
  downKbit: number;
  upKbit: number;
  cpuSlowdown: number;
  targetMs: number;
}

const PROFILES: Profile[] = [
  { name: "Fast 4G", latencyMs: 150, downKbit: 1600, upKbit: 750, cpuSlowdown: 1, targetMs: 3000 },
  {
    name: "Slow 4G, CPU 4×",
    latencyMs: 400,
    downKbit: 400,
    upKbit: 400,
    cpuSlowdown: 4,
    targetMs: 8000,
  },
];

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await startServer({ SEED_DEMO_DATA: "never" });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
let failed = false;
try {
  const token = await createAssessmentViaApi(server.url, { language: "sv" });
  console.log(`Questionnaire ${server.url}/a/<token>, cold cache, median of ${RUNS} loads`);
  for (const profile of PROFILES) {
    const times: number[] = [];
    const takeovers: number[] = [];
    const sizes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: profile.latencyMs,
        downloadThroughput: (profile.downKbit * 1000) / 8,
        uploadThroughput: (profile.upKbit * 1000) / 8,
      });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpuSlowdown });
      let bytes = 0;
      cdp.on("Network.loadingFinished", (event) => (bytes += event.encodedDataLength));
      const started = performance.now();
      await page.goto(`${server.url}/a/${token}`, { waitUntil: "commit" });
      await page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 120_000 });
      await page
        .locator(".native-q input, .sd-question .sd-item__decorator")
        .first()
        .waitFor({ timeout: 120_000 });
      times.push(performance.now() - started);
      await page.locator(".sd-question .sd-item__decorator").first().waitFor({ timeout: 120_000 });
      takeovers.push(performance.now() - started);
      // What is still loading then (the favicon, a save) counts too.
      await page.waitForLoadState("networkidle");
      sizes.push(bytes);
      await context.close();
    }
    const ms = median(times);
    const kb = median(sizes) / 1024;
    const timeOk = ms <= profile.targetMs;
    const sizeOk = kb <= TARGET_KB;
    failed ||= !timeOk || !sizeOk;
    console.log(
      `${profile.name.padEnd(16)} first question interactive ${(ms / 1000).toFixed(2)} s ` +
        `(target ≤ ${profile.targetMs / 1000} s: ${timeOk ? "met" : "MISSED"}), ` +
        `${kb.toFixed(0)} KB transferred (target ≤ ${TARGET_KB} KB: ${sizeOk ? "met" : "MISSED"}); ` +
        `SurveyJS took over at ${(median(takeovers) / 1000).toFixed(2)} s`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
