/** What process owners do: see, check, deploy and migrate the models of {@code processes/}. */
package org.rcm.requests.processes;
