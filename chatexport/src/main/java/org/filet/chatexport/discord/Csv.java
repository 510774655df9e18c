package org.filet.chatexport.discord;

import java.util.ArrayList;
import java.util.List;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.UnreadableExport.Reason;

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
final class Csv {
  private Csv() {}

  /** One row with the line it starts on. */
  record Row(int line, List<String> fields) {}

  static List<Row> parse(String source, String text) throws UnreadableExport {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    int line = 1;
    int rowLine = 1;
    boolean quoted = false;
    boolean any = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          f.append(c);
        }
      } else if (c == '"' && f.length() == 0) {
        quoted = true;
        any = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || f.length() > 0) {
          fields.add(f.toString());
          rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        fields.clear();
        f.setLength(0);
        any = false;
        line++;
        rowLine = line;
      } else {
        f.append(c);
        any = true;
      }
      i++;
    }
    if (quoted) {
      throw new UnreadableExport(source, Reason.MALFORMED, "a quoted CSV field starting on line " + rowLine
          + " is never closed");
    }
    if (any || f.length() > 0) {
      fields.add(f.toString());
      rows.add(new Row(rowLine, List.copyOf(fields)));
    }
    return rows;
  }
}
