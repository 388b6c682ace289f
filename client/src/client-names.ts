/** The language client's id (settings `ipt.trace.server`) and the name of its output channel. */
export const clientId = 'ipt';
export const clientName = 'IPT Plan';
