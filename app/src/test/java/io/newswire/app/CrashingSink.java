package io.newswire.app;

import io.newswire.consumer.sink.Sink;
import io.newswire.consumer.sink.SinkBatch;
import java.util.Collection;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * A sink that commits a batch and then, when told to, dies: the crash of a sink consumer between its
 * database commit and anything after it (its Kafka commit, the next poll). The consumer that takes over must
 * resume from the sink. Closing it leaves the real sink open: its owner closes that.
 */
public final class CrashingSink implements Sink {

    /** An Error, not an Exception: nothing treats it as a bad record; it takes the consumer down like a crash. */
    public static final class Crash extends Error {
        Crash() {
            super("simulated crash after the database commit");
        }
    }

    private final Sink delegate;
    private final BooleanSupplier crashNow;

    /** @param crashNow asked after each committed write: true to crash there */
    public CrashingSink(Sink delegate, BooleanSupplier crashNow) {
        this.delegate = delegate;
        this.crashNow = crashNow;
    }

    @Override
    public void write(SinkBatch batch) {
        delegate.write(batch);
        if (crashNow.getAsBoolean()) {
            throw new Crash();
        }
    }

    @Override
    public Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions) {
        return delegate.storedOffsets(partitions);
    }

    @Override
    public void close() {
    }
}
