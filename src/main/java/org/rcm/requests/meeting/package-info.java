/** Meetings and their numbered agreements: the YAML import that drafts their requests, the pages and the report. */
package org.rcm.requests.meeting;
