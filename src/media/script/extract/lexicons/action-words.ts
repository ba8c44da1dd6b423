/** Verbs that mark a stunt (lemma → the forms a script writes), so "is SLAMMED against the wall" tags a stunt. */
export const stuntVerbs: Record<string, string[]> = {
  fall: ["fall", "falls", "fell", "falling", "tumbles", "tumble", "topples"],
  punch: ["punch", "punches", "punched", "punching", "smacks", "smack", "slaps", "slap", "slapped", "hits him", "hits her", "headbutts"],
  kick: ["kick", "kicks", "kicked", "kicking"],
  fight: ["fight", "fights", "fighting", "brawl", "scuffle", "struggle", "struggles", "wrestle", "wrestles", "grapple", "grapples"],
  crash: ["crash", "crashes", "crashed", "collides", "collide", "rams", "overturns", "flips over", "knocks down", "knocked down", "hit by"],
  jump: ["jump", "jumps", "jumped", "leaps", "leap", "leapt", "vaults", "hops off", "jumps off"],
  dive: ["dive", "dives", "dove", "diving", "plunges"],
  slam: ["slammed against", "slams him", "slams her", "thrown against"],
  shove: ["shove", "shoves", "shoved", "pushes him", "pushes her"],
  tackle: ["tackle", "tackles", "tackled"],
  chase: ["chase", "chases", "chasing", "pursues", "flees", "runs after"],
  "stunt driving": ["speeds off", "speed off", "drive off", "screeches", "swerves", "weaves through", "skids", "burns rubber"],
  stab: ["stab", "stabs", "stabbed", "slashes"],
  shot: ["is shot", "gets shot", "shoots him", "shoots her", "shot dead", "hit by a bullet"],
  drown: ["drown", "drowns", "drowning", "goes under"],
  beating: ["beat up", "beats him", "beats her", "beating", "mob beats", "rough up", "roughing up"],
  "fired from a cannon": ["out of a giant cannon", "shot out of a cannon"],
};

/** Sound words writers put in capitals (`a KNOCK`, `the phone RINGS`). */
export const soundWords = new Set(
  "KNOCK KNOCKS KNOCKING BANG BANGS BOOM CRASH CRASHES RING RINGS RINGING HONK HONKS HONKING BUZZ BUZZES BEEP BEEPS SCREECH SCREECHES CLICK CLICKS SLAM SLAMS THUD THUMP SHOUT SHOUTS SCREAM SCREAMS YELL YELLS WAIL WAILS BARK BARKS HISS HISSES CREAK CREAKS RUMBLE RUMBLES ROAR ROARS SIREN SIRENS WHISTLE WHISTLES CRACK CRACKS SPLASH SNAP GUNSHOT GUNSHOTS BLAST HUM HUMS CLANG CLANGS POP POPS THUNDER ECHO ECHOES RATTLE RATTLES SIZZLE BLARE BLARES BLARING CHIME CHIMES LAUGH LAUGHS LAUGHTER GIGGLE GIGGLES APPLAUSE CHEER CHEERS"
    .split(" "),
);
