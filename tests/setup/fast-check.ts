// Property tests draw the same cases on every run, so a red CI means the code changed, and the failure
// can be replayed. To explore new cases: ENVOY_FUZZ_SEED=random (with ENVOY_FUZZ_RUNS=8000 for the link
// properties), or a number to replay one seed.
import fc from 'fast-check';

const seed = process.env.ENVOY_FUZZ_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed ? Number(seed) : 20261201 });
