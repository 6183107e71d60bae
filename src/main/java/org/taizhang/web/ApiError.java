package org.taizhang.web;

/** The body of every API error: a stable code for scripts and a message for people. */
record ApiError(String error, String message) {}
