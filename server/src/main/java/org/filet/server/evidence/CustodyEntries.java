package org.filet.server.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.filet.verify.custody.CustodyAction;
import org.filet.verify.custody.CustodyEntry;

/** Turns a {@code custody_event} row into its canonical ledger entry (docs/evidence-package.md §3). */
final class CustodyEntries {

    static final String COLUMNS =
            "e.id, e.recorded_at, e.action, e.actor, e.subject, e.inputs, e.outputs, e.reason, e.instance";

    private CustodyEntries() {}

    static CustodyEntry fromRow(ResultSet rs) throws SQLException {
        return CustodyEntry.builder()
                .action(CustodyAction.fromWireName(rs.getString("action")))
                .actor(rs.getString("actor"))
                .time(rs.getTimestamp("recorded_at").toInstant())
                .inputs(List.of((String[]) rs.getArray("inputs").getArray()))
                .outputs(List.of((String[]) rs.getArray("outputs").getArray()))
                .reason(rs.getString("reason"))
                .instance(rs.getString("instance"))
                .subject(rs.getString("subject"))
                .build();
    }
}
