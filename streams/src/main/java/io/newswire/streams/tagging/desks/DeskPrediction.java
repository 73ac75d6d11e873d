package io.newswire.streams.tagging.desks;

/** The likeliest desk of an article and the model's probability for it. */
public record DeskPrediction(String category, double score) {
}
