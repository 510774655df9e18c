/**
 * Cases: reports grouped for work, with notes, tasks, an assignee and a status flow (new → triaged → investigating →
 * ready for review → approved → referred → closed). Four-eyes: moving to approved needs a second person with the
 * lead role who is not the case's author; both names are kept. Every change is a custody event about the case.
 */
@NullMarked
package org.filet.server.cases;

import org.jspecify.annotations.NullMarked;
