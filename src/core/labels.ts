// The 🎪 label grammar. This module owns every label string: nothing else in the code builds or parses label text.

export const CIRCUS = '🎪';

/** Labels people (or slash commands) add to ask for something; the action consumes them. */
export const TRIGGER_START = '🎪 ⚡ showtime-trigger-start';
export const TRIGGER_STOP = '🎪 🛑 showtime-trigger-stop';
export const FREEZE = '🎪 🧊 showtime-freeze';
export const BLOCKED = '🎪 🔒 showtime-blocked';
/** The trigger of the workflow this action replaces; still honoured. */
export const LEGACY_TRIGGER = 'testenv-up';
/**
 * Carried by every PR that has showtime state, so the sweep can find them all with one label search (per-SHA labels
 * are unique names and cannot be searched for as a group).
 */
export const TRACKED = '🎪 🎟️ showtime-tracked';
