/**
 * Referral: the directory of competent authorities, the routing of an approved case to one of them (proposed from the
 * children's countries, overridable by a lead with a reason), the referral itself (four-eyes: a lead who is not the
 * case's author), and the authority portal where its users accept referrals and record outcomes that flow back to the
 * organisation and, in plain words, to the reporter.
 */
@NullMarked
package org.filet.server.referral;

import org.jspecify.annotations.NullMarked;
