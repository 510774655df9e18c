/**
 * People: organisations, staff users and their roles (analyst, lead, admin, authority), password login, API tokens
 * for scripts, and the one-time setup link printed on first start. No default password exists anywhere.
 */
@NullMarked
package org.filet.server.people;

import org.jspecify.annotations.NullMarked;
