package vn.hoclieu.search;

/** A completion of what is being typed; {@code resourceId} is set when it names one resource. */
public record Suggestion(String text, Long resourceId) {
}
