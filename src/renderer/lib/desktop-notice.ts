/**
 * The browser's ways to get attention when the window may be behind others: a desktop notification and a short
 * sound. Both exist in Electron's renderer and in a browser; both may be refused (permission, no audio device).
 */

/** Shows a notification; asks for permission first if never asked. Says what happened, so a refusal can be explained. */
export async function showDesktopNotification(title: string, body: string): Promise<'shown' | 'blocked' | 'unsupported'> {
  if (typeof Notification === 'undefined') return 'unsupported';
  let permission = Notification.permission;
  if (permission === 'default') permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'blocked';
  new Notification(title, { body });
  return 'shown';
}

/** Asks for notification permission while a user gesture is at hand (choosing the option in Settings). */
export function askNotificationPermission(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission();
}

/** Two short tones (no sound file to ship); false when the page cannot play audio. */
export function playDoneSound(): boolean {
  if (typeof AudioContext === 'undefined') return false;
  try {
    const audio = new AudioContext();
    const tone = (frequency: number, start: number): void => {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.15, audio.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.18);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(audio.currentTime + start);
      oscillator.stop(audio.currentTime + start + 0.2);
    };
    tone(880, 0);
    tone(660, 0.22);
    setTimeout(() => void audio.close(), 1000);
    return true;
  } catch {
    return false;
  }
}
