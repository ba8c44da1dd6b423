import type { AudioAnalysis } from "./analyze.ts";
import { loudnessTargets } from "./options.ts";

/** Plain-English advice from an analysis, most important first. */
export function suggest(analysis: Omit<AudioAnalysis, "suggestions">): string[] {
  const advice: string[] = [];
  if (analysis.clipping.clippedSamples > 0) {
    advice.push(
      `${analysis.clipping.clippedSamples} clipped samples: the recording hit full scale; enable de-click to soften the worst, and record lower next time.`,
    );
  }
  if (analysis.hum) {
    const source = analysis.hum.lines.length >= 6 ? "Generator hum" : "Mains hum";
    advice.push(
      `${source} at ${analysis.hum.mains} Hz: enable hum removal (strongest line ${analysis.hum.levelDb.toFixed(0)} dBFS).`,
    );
  }
  if (analysis.estimatedSnrDb < 15) {
    advice.push(
      `Heavy background noise (estimated SNR ${analysis.estimatedSnrDb.toFixed(0)} dB): enable noise reduction at full strength.`,
    );
  } else if (analysis.estimatedSnrDb < 40) {
    advice.push(
      `Audible background noise (estimated SNR ${analysis.estimatedSnrDb.toFixed(0)} dB): enable noise reduction.`,
    );
  }
  if (analysis.reverbTimeSeconds !== null && analysis.reverbTimeSeconds >= 0.4) {
    advice.push(
      `Roomy sound (reverberation time about ${analysis.reverbTimeSeconds.toFixed(1)} s): enable echo/reverb reduction.`,
    );
  }
  const loudness = analysis.loudness.integratedLufs;
  if (loudness > -70) {
    const gap = loudnessTargets.podcast - loudness;
    if (Math.abs(gap) >= 1) {
      advice.push(
        `Audio is ${Math.abs(gap).toFixed(0)} LU ${gap > 0 ? "below" : "above"} podcast loudness (-16 LUFS): enable loudness normalisation.`,
      );
    }
  } else {
    advice.push("The file is silent.");
  }
  if (analysis.loudness.truePeakDbtp > -1) {
    advice.push(
      `True peak ${analysis.loudness.truePeakDbtp.toFixed(1)} dBTP is above the -1 dBTP delivery limit: normalise with the limiter on.`,
    );
  }
  return advice;
}
