// Taro runs from client/ and looks for its Babel config here; the real one is at the repo root.
module.exports = require('../babel.config.js');
