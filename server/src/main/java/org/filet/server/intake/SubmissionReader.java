package org.filet.server.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the bytes of a submission into a valid {@link ReportSubmission} or a named error: malformed JSON and wrong
 * shapes name the field (or the line and column), broken rules name every field concerned.
 */
@Component
class SubmissionReader {

    private final JsonMapper json;
    private final Validator validator;

    SubmissionReader(Validator validator) {
        this.validator = validator;
        this.json = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(32)
                                .maxStringLength(1_000_000)
                                .build())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new tools.jackson.databind.module.SimpleModule("storable-text")
                        .addDeserializer(String.class, new StorableStrings()))
                .build();
    }

    /** Every string of a report must be text the database can hold; the refusal names the field (Jackson's path). */
    static final class StorableStrings extends tools.jackson.databind.deser.std.StdScalarDeserializer<String> {
        static final String REFUSED = "holds a character that cannot be stored";

        StorableStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(tools.jackson.core.JsonParser p, tools.jackson.databind.DeserializationContext ctxt) {
            String value = tools.jackson.databind.deser.jdk.StringDeserializer.instance.deserialize(p, ctxt);
            if (!org.filet.server.support.StorableText.storable(value)) {
                throw tools.jackson.databind.exc.InvalidFormatException.from(p, REFUSED, "(not shown)", String.class);
            }
            return value;
        }
    }

    ReportSubmission read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IntakeProblems.Unreadable("report", "the report is empty");
        }
        ReportSubmission submission;
        try {
            submission = json.readValue(bytes, ReportSubmission.class);
        } catch (JacksonException e) {
            throw new IntakeProblems.Unreadable(fieldOf(e), describe(e));
        }
        if (submission == null) {
            throw new IntakeProblems.Unreadable("report", "the report is empty");
        }
        return validate(submission);
    }

    ReportSubmission validate(ReportSubmission submission) {
        Set<ConstraintViolation<ReportSubmission>> violations = validator.validate(submission);
        if (!violations.isEmpty()) {
            Map<String, String> byField = new LinkedHashMap<>();
            violations.stream()
                    .sorted(java.util.Comparator.comparing(
                            v -> v.getPropertyPath().toString()))
                    .forEach(v ->
                            byField.putIfAbsent(fieldName(v.getPropertyPath().toString()), v.getMessage()));
            throw new IntakeProblems.Invalid(byField);
        }
        return submission;
    }

    byte[] write(ReportSubmission submission) {
        return json.writeValueAsBytes(submission);
    }

    /** {@code phones[1].<list element>} → {@code phones[1]}; {@code described} → {@code report}. */
    private static String fieldName(String path) {
        String cleaned = path.replaceAll("\\.<[^>]+>", "");
        return switch (cleaned) {
            case "described" -> "report";
            case "factsDateNotInFuture", "factsDateReal" -> "factsDate";
            default -> cleaned;
        };
    }

    private static String fieldOf(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "report" : sb.toString();
    }

    private static String describe(JacksonException e) {
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 0
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        if (e instanceof tools.jackson.databind.exc.InvalidFormatException
                && String.valueOf(e.getOriginalMessage()).startsWith(StorableStrings.REFUSED)) {
            return "this text holds a character that cannot be stored (NUL, an unpaired surrogate or a non-character)"
                    + where;
        }
        if (e instanceof tools.jackson.core.exc.StreamReadException) {
            return "the report is not valid JSON" + where;
        }
        if (e instanceof tools.jackson.databind.exc.MismatchedInputException) {
            return "this field has the wrong type" + where;
        }
        return "this field cannot be read" + where;
    }
}
