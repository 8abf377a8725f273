/** Anything in a message or a field that is an implementation leaking: a stack frame, SQL, a driver's words. */
export const LEAK = /\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+|Error:|TypeError|ReferenceError|\bSELECT\b|\bINSERT\b|\bUPDATE\b|DELETE FROM|syntax error|relation "|duplicate key|violates|Failed query|params:|node_modules/;
