import { filterZeroPhase } from "./biquad.ts";
import { removeClicks } from "./de-click.ts";
import { reduceSibilance } from "./de-ess.ts";
import { removeHum } from "./hum-removal.ts";
import { learnNoiseProfile } from "./noise-profile.ts";
import type { ChannelPlan } from "./plan.ts";
import { loadRnnoise, suppressNoise } from "./rnnoise.ts";
import { enhanceSpectrum } from "./spectral-enhance.ts";

/** Stages in the order they run (README.md explains the order). */
export const stageNames = ["high-pass", "hum", "de-click", "noise", "dereverb", "de-ess"] as const;
export type StageName = (typeof stageNames)[number];

/** Called when a stage of a channel finishes. */
export type StageListener = (stage: StageName) => void;

async function reduceNoise(
  signal: Float32Array,
  noise: NonNullable<ChannelPlan["noise"]>,
  sampleRate: number,
) {
  const spectral = noise.spectral
    ? enhanceSpectrum(signal, {
        sampleRate,
        noise: {
          profile: learnNoiseProfile(signal, { sampleRate, range: noise.spectral.range }),
          overSubtraction: noise.spectral.overSubtraction,
        },
        floorGain: noise.spectral.floorGain,
      })
    : signal;
  if (!noise.neural) return spectral;
  // The neural and spectral estimates run side by side and are blended: their errors are partly
  // independent, so the blend scores higher than either alone (see the table in clean.test.ts).
  const neural = suppressNoise(await loadRnnoise(), signal, {
    mix: 1,
    attenuationLimitDb: noise.neural.attenuationLimitDb,
  });
  const share = noise.neural.mix;
  for (let index = 0; index < neural.length; index++)
    neural[index] = share * neural[index]! + (1 - share) * spectral[index]!;
  return neural;
}

/**
 * Runs the cleaning stages on one 48 kHz channel. Every stage is delay-free (zero-phase IIR,
 * delay-compensated RNNoise, padded STFT), so the output lines up with the input to the sample.
 */
export async function processChannel(
  input: Float32Array,
  plan: ChannelPlan,
  onStage: StageListener = () => {},
): Promise<Float32Array> {
  let signal = input;
  if (plan.highPass.length > 0) signal = filterZeroPhase(signal, plan.highPass);
  onStage("high-pass");
  if (plan.humNotches.length > 0) signal = removeHum(signal, plan.humNotches);
  onStage("hum");
  if (plan.deClick) signal = removeClicks(signal, plan.deClick.strength).output;
  onStage("de-click");
  if (plan.noise) signal = await reduceNoise(signal, plan.noise, plan.sampleRate);
  onStage("noise");
  if (plan.dereverb) {
    signal = enhanceSpectrum(signal, {
      sampleRate: plan.sampleRate,
      reverb: { t60: plan.dereverb.t60, weight: plan.dereverb.weight },
      floorGain: plan.dereverb.floorGain,
    });
  }
  onStage("dereverb");
  if (plan.deEss)
    signal = reduceSibilance(signal, { strength: plan.deEss.strength, sampleRate: plan.sampleRate });
  onStage("de-ess");
  return signal === input ? new Float32Array(input) : signal;
}
