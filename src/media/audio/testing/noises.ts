import { asteriskSounds, random, readMono, sampleRate } from "./signals.ts";

export function whiteNoise(length: number, seed = 1): Float32Array {
  const next = random(seed);
  return new Float32Array(length).map(() => next() * 2 - 1);
}

/** Pink (1/f) noise by Paul Kellet's filter on white noise. */
export function pinkNoise(length: number, seed = 2): Float32Array {
  const white = whiteNoise(length, seed);
  const state = [0, 0, 0, 0, 0, 0, 0];
  return white.map((value) => {
    state[0] = 0.99886 * state[0]! + value * 0.0555179;
    state[1] = 0.99332 * state[1]! + value * 0.0750759;
    state[2] = 0.969 * state[2]! + value * 0.153852;
    state[3] = 0.8665 * state[3]! + value * 0.3104856;
    state[4] = 0.55 * state[4]! + value * 0.5329522;
    state[5] = -0.7616 * state[5]! - value * 0.016898;
    const output = state.reduce((sum, term) => sum + term, 0) + value * 0.5362;
    state[6] = value * 0.115926;
    return output;
  });
}

/** Babble: six recorded voices overlapped at different offsets, looped to `length`. */
export function babbleNoise(length: number): Float32Array {
  const names = ["vm-goodbye", "vm-options", "tt-weasels", "vm-tocallnum", "auth-thankyou", "pbx-invalid"];
  const output = new Float32Array(length);
  names.forEach((name, voice) => {
    const clip = readMono(`${asteriskSounds}/${name}.wav`);
    const offset = Math.round(voice * 0.37 * sampleRate);
    for (let index = 0; index < length; index++) output[index]! += clip[(index + offset) % clip.length]!;
  });
  return output;
}

/** Generator-like buzz: a 50 Hz fundamental with a slowly wobbling, harmonic-rich spectrum. */
export function generatorNoise(length: number, seed = 3): Float32Array {
  const white = whiteNoise(length, seed);
  return new Float32Array(length).map((_, index) => {
    const time = index / sampleRate;
    let value = 0;
    for (let harmonic = 1; harmonic <= 30; harmonic++) {
      value += Math.sin(2 * Math.PI * 50.2 * harmonic * time + harmonic * 0.7) / harmonic ** 0.8;
    }
    return value * (1 + 0.1 * Math.sin(2 * Math.PI * 0.7 * time)) + 0.3 * white[index]!;
  });
}

/** Mains hum: the fundamental and its first harmonics, falling 3 dB each. */
export function humTone(length: number, frequency: number, harmonics = 5): Float32Array {
  return new Float32Array(length).map((_, index) => {
    let value = 0;
    for (let harmonic = 1; harmonic <= harmonics; harmonic++) {
      value +=
        Math.sin(2 * Math.PI * frequency * harmonic * (index / sampleRate) + harmonic) *
        0.7 ** (harmonic - 1);
    }
    return value;
  });
}

/**
 * A synthetic room: the direct sound, then an exponentially decaying noise tail with the given
 * T60, scaled to the given direct-to-reverberant ratio.
 */
export function roomImpulse(t60: number, directToReverberantDb = 0, seed = 4): Float32Array {
  const length = Math.round(t60 * 1.2 * sampleRate);
  const next = random(seed);
  const decay = (3 * Math.LN10) / t60;
  const impulse = new Float32Array(length).map((_, index) => {
    const time = index / sampleRate;
    return time < 0.003 ? 0 : (next() * 2 - 1) * Math.exp(-decay * time);
  });
  let tailEnergy = 0;
  for (const value of impulse) tailEnergy += value * value;
  const scale = Math.sqrt(10 ** (-directToReverberantDb / 10) / tailEnergy);
  for (let index = 0; index < length; index++) impulse[index]! *= scale;
  impulse[0] = 1;
  return impulse;
}
