/** Troika approval: recording each country's decision and silence, and counting them for the outcome table. */
package org.rcm.requests.approval;
