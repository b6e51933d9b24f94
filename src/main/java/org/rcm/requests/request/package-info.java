/** The request registry: references, states, the API, and the seam to the InteragencyRequest process. */
package org.rcm.requests.request;
