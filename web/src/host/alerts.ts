// Alerts for what arrives without the host asking: a short chime (switchable, remembered per
// device) for self check-ins and guest replies. The badge and inbox are the screen's state.
import { useState } from "preact/hooks";

let played = 0;
let audio: AudioContext | null = null;

/** Chimes played on this page (the browser flows read it through window.seatline). */
export const chimeCount = () => played;

function beep() {
  try {
    audio ??= new AudioContext();
    const t = audio.currentTime;
    for (const [i, f] of [880, 1320].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = f;
      gain.gain.setValueAtTime(0.0001, t + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.3, t + i * 0.18 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + i * 0.18 + 0.3);
      osc.connect(gain).connect(audio.destination);
      osc.start(t + i * 0.18);
      osc.stop(t + i * 0.18 + 0.32);
    }
  } catch {
    // no audio device, or the browser wants a tap first: the badge still shows
  }
}

export function useSound(): [boolean, (on: boolean) => void, () => void] {
  const [on, setOn] = useState(() => localStorage.getItem("seatline.sound") !== "off");
  const set = (v: boolean) => {
    localStorage.setItem("seatline.sound", v ? "on" : "off");
    setOn(v);
  };
  const chime = () => {
    if (localStorage.getItem("seatline.sound") === "off") return;
    played += 1;
    beep();
  };
  return [on, set, chime];
}
