/** Troika approval: recording each country's decision and the silence procedure. */
package org.rcm.requests.approval;
