package io.newswire.streams.dating;

import java.time.LocalDate;

/** The day an article belongs to and where that came from. */
public record ResolvedDay(LocalDate day, DaySource source) {
}
