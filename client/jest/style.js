// Jest: stylesheets are not part of what a component test checks.
module.exports = {};
