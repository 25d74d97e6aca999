import { waitForE2eSetup } from "../e2e/ready";

// A setup file of the e2e projects: before each e2e file is loaded, wait for the build and
// the demo-data template that the global setup makes in the background (decision 025). A
// setup file has no timeout, unlike a test's hooks, so the first e2e file may wait as long
// as the seeding takes.
await waitForE2eSetup();
