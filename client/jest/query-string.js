// Jest: query-string 9 is ES-module only, which jest cannot `require` from taro-h5's CommonJS
// build while --experimental-vm-modules is on (the node project needs it). taro-h5 only parses
// and builds query strings; URLSearchParams does that for the component tests.
function parse(query) {
  const out = {};
  for (const [k, v] of new URLSearchParams(String(query || '').replace(/^[?#]/, ''))) out[k] = v;
  return out;
}
function stringify(object) {
  return new URLSearchParams(Object.entries(object || {}).filter(([, v]) => v !== undefined && v !== null)).toString();
}
function parseUrl(url) {
  const [base, query = ''] = String(url).split('?');
  return { url: base, query: parse(query.split('#')[0]) };
}
function stringifyUrl({ url, query }) {
  const q = stringify(query);
  return q ? `${url}${url.includes('?') ? '&' : '?'}${q}` : url;
}
function extract(url) {
  const i = String(url).indexOf('?');
  return i === -1 ? '' : String(url).slice(i + 1).split('#')[0];
}
module.exports = { parse, stringify, parseUrl, stringifyUrl, extract, default: { parse, stringify, parseUrl, stringifyUrl, extract } };
