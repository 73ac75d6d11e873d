package io.newswire.common;

import org.apache.kafka.common.serialization.Serde;

/** A topic is a name and its serdes, together, so no call site pairs a topic with the wrong serde. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    /** The same serdes under another name (a topic renamed in config). */
    public Topic<K, V> named(String otherName) {
        return new Topic<>(otherName, keySerde, valueSerde);
    }
}
