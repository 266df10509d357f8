package org.faasm.conformance.backend;

/** Whether a backend can run here; when not, the reason people will read in the report. */
public record Availability(boolean available, String reason) {
    public static Availability yes() {
        return new Availability(true, "");
    }

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
