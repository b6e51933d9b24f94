/** Structured answers: the reply forms of request kinds, the answers received and accepted, compiled per request. */
package org.rcm.requests.answer;
