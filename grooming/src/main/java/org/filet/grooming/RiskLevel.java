package org.filet.grooming;

/** Triage levels, in increasing order of priority. */
public enum RiskLevel {
    /** Model score below the medium threshold and no urgency rule fired. */
    LOW,
    /** Model score at or above the medium threshold. */
    MEDIUM,
    /** Model score at or above the operating threshold: an alert. */
    HIGH,
    /** An urgency rule fired, whatever the model says. */
    URGENT
}
