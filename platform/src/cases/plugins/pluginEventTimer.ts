/** The timer kind that offers one case event to the pinned `onEvent` plugins (subject: the event's id). */
export const PLUGIN_EVENT_TIMER = 'plugin.onEvent';
