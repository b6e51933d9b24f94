/** The directory: organizations and countries, their contacts and languages, and the Troika. */
package org.rcm.requests.directory;
