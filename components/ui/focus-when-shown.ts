'use client';

/**
 * Moves the keyboard focus to the element with this id as soon as it is in the page: after a server action, the
 * element that says what happened often arrives with the refreshed page a few frames later, while the control that
 * had the focus is gone. Gives up after `frames` animation frames (about two seconds by default).
 */
export function focusWhenShown(id: string, frames = 120) {
  const element = document.getElementById(id);
  if (element) element.focus();
  else if (frames > 0) requestAnimationFrame(() => focusWhenShown(id, frames - 1));
}
