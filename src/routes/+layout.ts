// A single-page app: nothing is rendered on a server, and the fallback page
// (adapter-static) boots every route in the browser.
export const ssr = false;
export const prerender = false;
