/**
 * Web: the shared page layout, languages (French first, English; every string from the message bundles), the
 * language choice, the error pages, and the emergency guidance shown to reporters. Pages live with their capability.
 */
@NullMarked
package org.filet.server.web;

import org.jspecify.annotations.NullMarked;
