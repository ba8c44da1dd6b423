import { type Biquad, highPass } from "./biquad.ts";
import { detectHum, type HumDetection } from "./hum-detect.ts";
import { humNotches } from "./hum-removal.ts";
import { levelStatistics } from "./noise-floor.ts";
import type { CleanOptions } from "./options.ts";
import { estimateReverbTime } from "./reverb-time.ts";

/** Noise reduction is engaged automatically below this estimated SNR (dB). */
export const autoNoiseSnrDb = 40;
const fallbackReverbTime = 0.5;

/** What one channel goes through, resolved from the options and the analysis; plain data for workers. */
export type ChannelPlan = {
  sampleRate: number;
  highPass: Biquad[];
  humNotches: Biquad[];
  deClick: { strength: number } | null;
  noise: {
    neural: { mix: number; attenuationLimitDb: number } | null;
    spectral: {
      overSubtraction: number;
      floorGain: number;
      range: { start: number; end: number } | undefined;
    } | null;
  } | null;
  dereverb: { t60: number; weight: number; floorGain: number } | null;
  deEss: { strength: number } | null;
};

/** A plain-English line per decision, for the report. */
export type PlanResult = { plan: ChannelPlan; decisions: string[]; hum: HumDetection | null };

function resolveHum(
  channels: Float32Array[],
  options: CleanOptions,
  sampleRate: number,
  decisions: string[],
) {
  if (options.humRemoval.enabled === false) return { hum: null, notches: [] };
  const found = detectHum(channels, sampleRate);
  const hum =
    found && (options.humRemoval.mains === "auto" || options.humRemoval.mains === found.mains) ? found : null;
  if (!hum) {
    decisions.push("Hum removal: no hum found, nothing notched.");
    return { hum: found, notches: [] };
  }
  const notches = humNotches(hum, {
    strength: options.humRemoval.strength,
    sampleRate,
    maxHarmonics: options.humRemoval.harmonics,
  });
  decisions.push(`Hum removal: ${hum.fundamental.toFixed(2)} Hz hum, ${notches.length} lines notched.`);
  return { hum, notches };
}

/** Resolves "auto" stages and stage strengths into a concrete per-channel plan. */
export function planChain(channels: Float32Array[], options: CleanOptions, sampleRate: number): PlanResult {
  const decisions: string[] = [];
  const { hum, notches } = resolveHum(channels, options, sampleRate, decisions);
  const reduction = options.noiseReduction;
  let noise: ChannelPlan["noise"] = null;
  if (reduction.enabled !== false && (reduction.neural || reduction.spectral)) {
    const { estimatedSnrDb } = levelStatistics(channels, sampleRate);
    if (reduction.enabled === true || estimatedSnrDb < autoNoiseSnrDb) {
      const maximumReductionDb = 10 + 25 * reduction.strength;
      noise = {
        neural: reduction.neural
          ? { mix: reduction.spectral ? reduction.neuralMix : 1, attenuationLimitDb: maximumReductionDb }
          : null,
        spectral: reduction.spectral
          ? {
              overSubtraction: 0.5 + reduction.strength * 0.625,
              floorGain: 10 ** (-maximumReductionDb / 20),
              range: reduction.noiseRange,
            }
          : null,
      };
      decisions.push(
        `Noise reduction: on (estimated SNR ${estimatedSnrDb.toFixed(1)} dB, up to ${maximumReductionDb.toFixed(0)} dB).`,
      );
    } else {
      decisions.push(
        `Noise reduction: skipped, the noise bed is already low (estimated SNR ${estimatedSnrDb.toFixed(1)} dB).`,
      );
    }
  }
  let dereverb: ChannelPlan["dereverb"] = null;
  if (options.dereverb.enabled) {
    const estimated = options.dereverb.t60 ?? estimateReverbTime(channels[0]!, sampleRate);
    const t60 = estimated ?? fallbackReverbTime;
    dereverb = {
      t60,
      weight: 0.5 + options.dereverb.strength,
      floorGain: 10 ** (-(6 + 14 * options.dereverb.strength) / 20),
    };
    decisions.push(
      `Reverb reduction: T60 ${t60.toFixed(2)} s${options.dereverb.t60 ? " (given)" : estimated ? " (estimated)" : " (assumed)"}.`,
    );
  }
  return {
    hum,
    decisions,
    plan: {
      sampleRate,
      highPass: options.highPass.enabled ? [highPass(options.highPass.frequency, sampleRate)] : [],
      humNotches: notches,
      deClick: options.deClick.enabled ? { strength: options.deClick.strength } : null,
      noise,
      dereverb,
      deEss: options.deEss.enabled ? { strength: options.deEss.strength } : null,
    },
  };
}
